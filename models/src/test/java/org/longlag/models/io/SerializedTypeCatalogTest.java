package org.longlag.models.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.ntm.NtmCell;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.forcing.GeneralizedForcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.InitialState;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.PartInitializer;

class SerializedTypeCatalogTest {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    interface Shape {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    interface Colour {
    }

    @JsonTypeName("round")
    record Circle(double r) implements Shape {
    }

    @JsonTypeName("round")
    record Disc(double r) implements Shape {
    }

    @JsonTypeName("round")
    record RoundColour() implements Colour {
    }

    record Unnamed() implements Shape {
    }

    @JsonTypeName("loose")
    record NoFamily() {
    }

    private static SerializedTypes provider(Class<?>... types) {
        return () -> List.of(types);
    }

    @Test
    void twoClassesOfOneFamilyUnderOneNameAreAnErrorNamingBoth() {
        var e = assertThrows(IllegalStateException.class, () -> SerializedTypeCatalog.of(List.of(provider(Circle.class), provider(Disc.class))));
        assertTrue(e.getMessage().contains("'round'") && e.getMessage().contains(Circle.class.getName()) && e.getMessage().contains(Disc.class.getName()),
                e.getMessage());
    }

    @Test
    void oneNameInTwoFamiliesAndOneClassListedTwiceAreFine() {
        SerializedTypeCatalog c = SerializedTypeCatalog.of(List.of(provider(Circle.class, RoundColour.class), provider(Circle.class)));
        assertEquals(2, c.entries().size());
        assertSame(Circle.class, c.find(Shape.class, "round"));
        assertSame(RoundColour.class, c.find(Colour.class, "round"));
        assertEquals(List.of("round"), c.names(Shape.class));
    }

    @Test
    void aTypeWithoutANameOrAFamilyIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> SerializedTypeCatalog.of(List.of(provider(Unnamed.class))));
        assertTrue(e.getMessage().contains("@JsonTypeName"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> SerializedTypeCatalog.of(List.of(provider(NoFamily.class))));
        assertTrue(e.getMessage().contains("@JsonTypeInfo"), e.getMessage());
    }

    /** What the class path registers: every built-in type under its old name, with nothing listed in a closed list. */
    @Test
    void theClassPathRegistersTheBuiltInTypes() {
        SerializedTypeCatalog c = SerializedTypeCatalog.discover();
        assertTrue(c.names(org.longlag.models.cell.Cell.class).containsAll(List.of("lstm", "elman", "plrnn", "shplrnn", "ntm")), c.names(org.longlag.models.cell.Cell.class).toString());
        assertTrue(c.names(org.longlag.models.model.Readout.class).containsAll(List.of("linear", "identity", "linear-no-bias")));
        assertTrue(c.names(InitialState.class).containsAll(List.of("zero", "learned", "learned-uniform", "partwise", "ntm")));
        assertTrue(c.names(PartInitializer.class).containsAll(List.of("zero", "constant", "learned", "learned-uniform", "learned-softmax", "learned-tanh", "random-tanh")));
        assertTrue(c.names(Forcing.class).containsAll(List.of("none", "sparse", "generalized")), c.names(Forcing.class).toString());
        // the test class path adds a user's loss (org.example.usercell), through its model kind
        assertTrue(c.names(LossFunction.class).containsAll(List.of("mse", "binary-cross-entropy", "softmax-cross-entropy")), c.names(LossFunction.class).toString());
        assertSame(NtmCell.class, c.find(org.longlag.models.cell.Cell.class, "ntm"));
        assertSame(LstmCell.class, c.find(org.longlag.models.cell.Cell.class, "lstm"));
    }

    @Test
    void forcingRulesAndLossesRoundTripThroughJson() throws Exception {
        ObjectMapper json = ModelJson.mapper();
        for (Forcing f : List.of(Forcing.none(), new SparseForcing(7), GeneralizedForcing.adaptive())) {
            assertEquals(f, json.readValue(json.writeValueAsString(f), Forcing.class));
        }
        for (LossFunction l : List.of(LossFunction.MSE, LossFunction.BINARY_CROSS_ENTROPY, LossFunction.SOFTMAX_CROSS_ENTROPY)) {
            assertEquals(l, json.readValue(json.writeValueAsString(l), LossFunction.class));
        }
        assertEquals("{\"type\":\"linear\",\"outputSize\":3}", json.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(new LinearReadout(3)));
    }
}
