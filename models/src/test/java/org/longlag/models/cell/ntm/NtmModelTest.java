package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.tensor.Precision;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The NTM as a whole model: built by the "ntm" kind, saved and loaded, trained end to end. */
class NtmModelTest {

    private static final Map<String, Object> SMALL = Map.of("hidden", 6, "memory-rows", 8, "memory-width", 3);

    @Test
    void theNtmKindBuildsWhatItsOptionsSay() {
        ModelCatalog catalog = ModelCatalog.discover();
        assertTrue(catalog.names().contains("ntm"));
        ModelSpec d = catalog.build("ntm", new TaskShape(9, 8, 20), Map.of());
        NtmCell cell = (NtmCell) d.cell();
        assertEquals(new NtmCell(9, 64, NtmCell.ControllerType.LSTM, 128, 20, 1, 1, 1, 20.0), cell);
        assertEquals(NtmInitialState.constant(cell), d.initialState());
        assertEquals(8, d.outputSize());

        ModelSpec f = catalog.build("ntm", new TaskShape(9, 8, 20), Map.of("hidden", 100, "controller", "feedforward",
                "memory-init", "learned", "read-heads", 2, "write-heads", 2, "shift-range", 2, "controller-clip", 0.0, "precision", "float64"));
        NtmCell fc = (NtmCell) f.cell();
        assertEquals(new NtmCell(9, 100, NtmCell.ControllerType.FEEDFORWARD, 128, 20, 2, 2, 2, 0.0), fc);
        assertEquals(NtmInitialState.of(fc, NtmInitialState.MemoryInit.LEARNED, NtmInitialState.DEFAULT_CONSTANT), f.initialState());
        assertEquals(Precision.FLOAT64, f.precision());

        var e = assertThrows(IllegalArgumentException.class, () -> catalog.build("ntm", new TaskShape(9, 8, 20), Map.of("controller", "gru")));
        assertTrue(e.getMessage().contains("controller"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> catalog.build("ntm", new TaskShape(9, 8, 20), Map.of("memory-rows", 2, "shift-range", 1)));
        assertTrue(e.getMessage().contains("shiftRange"), e.getMessage());
    }

    @Test
    void saveLoadRoundTripWithTheNtmInitialState(@TempDir Path dir) throws Exception {
        ModelCatalog catalog = ModelCatalog.discover();
        for (String init : new String[] {"constant", "learned", "random"}) {
            Map<String, Object> opts = new java.util.HashMap<>(SMALL);
            opts.put("memory-init", init);
            ModelSpec spec = catalog.build("ntm", new TaskShape(3, 2, 10), opts);
            SequenceModel m = SequenceModel.create(spec, 4);
            Path file = dir.resolve(init + ".model");
            m.save(file);
            SequenceModel back = SequenceModel.load(file);
            assertEquals(spec, back.spec());
            assertArrayEquals(m.parameters().data().asDouble(), back.parameters().data().asDouble(), 0.0);
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 5);
            assertEquals(m.output(x), back.output(x));
        }
    }

    /** The whole model's gradient (cell, readout, NTM initial state) against central differences, float64. */
    @Test
    void modelGradientMatchesCentralDifferences() {
        Map<String, Object> opts = new java.util.HashMap<>(SMALL);
        opts.put("precision", "float64");
        opts.put("memory-init", "learned");
        opts.put("memory-rows", 4);
        opts.put("hidden", 3);
        SequenceModel m = SequenceModel.create(ModelCatalog.discover().build("ntm", new TaskShape(2, 2, 5), opts), 9);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 5), y = Nd4j.rand(DataType.DOUBLE, 2, 2, 5);
        DataSet data = new DataSet(x, y);
        SequenceModel.LossAndGradient lg = m.lossAndGradient(data, LossFunction.MSE);
        double[] theta = m.parameters().data().asDouble(), grad = lg.gradient().data().asDouble();
        double e = 1e-6;
        for (int i = 0; i < theta.length; i += 7) { // every 7th parameter keeps this test fast
            double keep = theta[i];
            theta[i] = keep + e;
            m.setParameters(Nd4j.createFromArray(theta));
            double up = m.loss(data, LossFunction.MSE);
            theta[i] = keep - e;
            m.setParameters(Nd4j.createFromArray(theta));
            double down = m.loss(data, LossFunction.MSE);
            theta[i] = keep;
            double numeric = (up - down) / (2 * e);
            assertTrue(Math.abs(grad[i] - numeric) <= 1e-8 + 1e-6 * Math.abs(numeric),
                    m.layout().blocks() + " param " + i + ": analytic " + grad[i] + " vs " + numeric);
        }
    }

    @Test
    void invalidConfigurationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> new NtmCell(3, 5, NtmCell.ControllerType.LSTM, 0, 3, 1, 1, 0, 20));
        assertTrue(e.getMessage().contains("memoryRows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NtmCell(3, 5, NtmCell.ControllerType.LSTM, 8, 3, 0, 1, 1, 20));
        assertTrue(e.getMessage().contains("readHeads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NtmCell(3, 5, NtmCell.ControllerType.LSTM, 8, 3, 1, 1, 1, -1));
        assertTrue(e.getMessage().contains("clip"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NtmCell(3, 5, null, 8, 3, 1, 1, 1, 20));
        assertTrue(e.getMessage().contains("controller"), e.getMessage());
    }
}
