package org.example.userkind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.TaskShape;

/** A kind from outside the library joins the catalog with its record alone: options, help, validation and resolved values follow. */
class UserKindTest {

    private static final ModelCatalog CATALOG = ModelCatalog.discover();
    private static final TaskShape SHAPE = new TaskShape(3, 2, 10);

    @Test
    void itsOptionsComeFromItsRecord() {
        List<OptionSpec> options = CATALOG.options("gated-rnn");
        assertEquals(List.of("hidden", "precision", "gain", "recurrent-start", "gate"), options.stream().map(OptionSpec::name).toList());
        OptionSpec start = options.get(3);
        assertEquals("how Wh starts", start.description());
        assertEquals("orthogonal", start.defaultValue());
        assertEquals(List.of("uniform", "gaussian", "orthogonal", "identity"), start.values());
        assertEquals(Map.of("hidden", 64, "precision", "float32", "gain", 0.5, "recurrent-start", "orthogonal", "gate", "tanh"),
                CATALOG.settings("gated-rnn", Map.of()).asMap());
    }

    @Test
    void itBuildsFromTextAsTheCommandLineGivesIt() {
        ModelSpec spec = CATALOG.build("gated-rnn", SHAPE, Map.of("hidden", "5", "gain", "0.25", "gate", "RELU", "recurrent-start", "identity",
                "precision", "float64"));
        assertEquals(new ElmanCell(3, 5, ElmanCell.Activation.RELU, ElmanCell.RecurrentInit.IDENTITY, 0.25), spec.cell());
        assertEquals(Precision.FLOAT64, spec.precision());
        assertEquals("relu", CATALOG.settings("gated-rnn", Map.of("gate", "relu")).asMap().get("gate"));
    }

    @Test
    void badNamesAndValuesAreRefusedByName() {
        String m = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("gated-rnn", SHAPE, Map.of("gain", -1))).getMessage();
        assertEquals("gain must be positive and finite, got -1.0", m);
        m = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("gated-rnn", SHAPE, Map.of("gate", "sigmoid"))).getMessage();
        assertEquals("option 'gate' expects tanh or relu, got 'sigmoid'", m);
        m = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("gated-rnn", SHAPE, Map.of("gains", 1))).getMessage();
        assertEquals("model 'gated-rnn' has no option 'gains'; its options are [hidden, precision, gain, recurrent-start, gate]", m);
        m = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("gated-rnn", SHAPE, Map.of("hidden", 0))).getMessage();
        assertEquals("hidden must be at least 1, got 0", m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CATALOG.build("gated-rnn", SHAPE, Map.of("hidden", 2.5))).getMessage()
                .contains("option 'hidden' expects an integer, got '2.5'"));
    }
}
