package org.longlag.models.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.BiasFreeLinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.UniformLearnedInitialState;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The PLRNN family joins the catalog by registration and builds the paper's variants. */
class PlrnnKindsTest {

    private static final ModelCatalog CATALOG = ModelCatalog.discover();
    private static final TaskShape ADDITION = new TaskShape(2, 1, 200);

    @Test
    void everyVariantIsRegistered() {
        assertTrue(CATALOG.names().containsAll(java.util.List.of("plrnn", "iplrnn", "rplrnn", "l2plrnn", "shplrnn")), CATALOG.names().toString());
    }

    @Test
    void rplrnnHasThePapersSettings() {
        ModelSpec spec = CATALOG.build("rplrnn", ADDITION, Map.of("hidden", 40));
        assertEquals(PlrnnCell.regularized(2, 40, 20, 5.0, 5.0), spec.cell());
        assertEquals(new BiasFreeLinearReadout(1), spec.readout());
        assertEquals(new UniformLearnedInitialState(0, 1), spec.initialState());
        assertEquals(Precision.FLOAT32, spec.precision());
    }

    @Test
    void optionsOverrideTheDefaults() {
        ModelSpec spec = CATALOG.build("rplrnn", ADDITION, Map.of("hidden", 40, "reg-fraction", 0.25, "tau-a", 1.0, "tau-w", "0.5", "precision", "float64"));
        assertEquals(PlrnnCell.regularized(2, 40, 10, 1.0, 0.5), spec.cell());
        assertEquals(Precision.FLOAT64, spec.precision());
        // floor(M * fraction), as the reference's int(d_hidden * per_reg)
        assertEquals(13, ((PlrnnCell) CATALOG.build("rplrnn", ADDITION, Map.of("hidden", 27)).cell()).regularizedUnits());
    }

    @Test
    void comparisonVariants() {
        assertEquals(PlrnnCell.plain(2, 40), CATALOG.build("plrnn", ADDITION, Map.of("hidden", 40)).cell());
        assertEquals(PlrnnCell.initialized(2, 40, 40), CATALOG.build("iplrnn", ADDITION, Map.of("hidden", 40)).cell());
        assertEquals(PlrnnCell.l2(2, 40, 40, 5.0, 5.0), CATALOG.build("l2plrnn", ADDITION, Map.of("hidden", 40)).cell());
        assertEquals(PlrnnCell.l2(2, 40, 20, 5.0, 5.0), CATALOG.build("l2plrnn", ADDITION, Map.of("hidden", 40, "reg-fraction", 0.5)).cell());
        assertEquals(64, ((PlrnnCell) CATALOG.build("plrnn", ADDITION, Map.of()).cell()).latentSize(), "hidden is the common option");
    }

    @Test
    void shallowPlrnn() {
        assertEquals(new ShPlrnnCell(2, 64, 50, false), CATALOG.build("shplrnn", ADDITION, Map.of()).cell());
        assertEquals(new ShPlrnnCell(2, 16, 30, true),
                CATALOG.build("shplrnn", ADDITION, Map.of("hidden", 16, "hidden-width", 30, "clipped", true)).cell());
    }

    @Test
    void badOptionsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("rplrnn", ADDITION, Map.of("reg-fraction", 1.5)));
        assertTrue(e.getMessage().contains("reg-fraction"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("rplrnn", ADDITION, Map.of("tau-a", -1.0)));
        assertTrue(e.getMessage().contains("tau-a") && e.getMessage().contains("at least 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CATALOG.build("plrnn", ADDITION, Map.of("tau-a", 1.0)));
        assertTrue(e.getMessage().contains("tau-a"), e.getMessage());
    }

    @Test
    void builtModelsRunAndSurviveSaveLoad(@TempDir Path dir) throws Exception {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 7);
        for (String kind : new String[] {"plrnn", "iplrnn", "rplrnn", "l2plrnn", "shplrnn"}) {
            SequenceModel m = SequenceModel.create(CATALOG.build(kind, ADDITION, Map.of("hidden", 8)), 11);
            INDArray y = m.output(x);
            assertArrayEquals(new long[] {3, 1, 7}, y.shape());
            assertTrue(Double.isFinite(y.sumNumber().doubleValue()), kind);
            Path file = dir.resolve(kind + ".model");
            m.save(file);
            SequenceModel back = SequenceModel.load(file);
            assertEquals(m.spec(), back.spec(), kind);
            assertEquals(y, back.output(x), kind);
        }
    }
}
