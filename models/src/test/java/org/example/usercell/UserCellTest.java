package org.example.usercell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.io.SerializedTypeCatalog;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.ModelKindTypes;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A user's cell and kind, registered by nothing but the kind's line in a services file, are built
 * by the catalog, trained, saved and loaded back to the same outputs.
 */
class UserCellTest {

    /** Output at each step the input of the step before (lag 1). */
    private static final class Delay implements BatchSource {
        @Override
        public DataSet next(int size, SplittableRandom rng) {
            int len = 6;
            float[] x = new float[size * len], y = new float[size * len], m = new float[size * len];
            for (int b = 0; b < size; b++) {
                for (int t = 0; t < len; t++) {
                    x[b * len + t] = (float) rng.nextDouble();
                    if (t > 0) {
                        y[b * len + t] = x[b * len + t - 1];
                        m[b * len + t] = 1;
                    }
                }
            }
            return new org.nd4j.linalg.dataset.DataSet(Nd4j.create(x, new long[] {size, 1, len}, 'c'),
                    Nd4j.create(y, new long[] {size, 1, len}, 'c'), null, Nd4j.create(m, new long[] {size, len}, 'c'));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.MSE;
        }
    }

    @Test
    void isRegisteredOnlyThroughItsKindsServicesLine() throws IOException {
        SerializedTypeCatalog.Entry e = SerializedTypeCatalog.discover().entries().stream()
                .filter(x -> x.type() == MinGruCell.class).findFirst().orElseThrow();
        assertEquals("example-mingru", e.name());
        assertEquals(ModelKindTypes.class, e.provider(), "found through the model kinds");
        for (URL u : Collections.list(getClass().getClassLoader().getResources("META-INF/services/org.longlag.models.io.SerializedTypes"))) {
            try (InputStream in = u.openStream()) {
                assertTrue(!new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("usercell"), "no SerializedTypes line for the user's cell: " + u);
            }
        }
    }

    @Test
    void aLossItBringsIsFoundByName() {
        assertEquals(new AbsoluteError(), LossFunction.parse("example-absolute-error"));
    }

    @Test
    void trainsSavesAndLoadsBackTheSameModel(@TempDir Path dir) throws IOException {
        ModelCatalog catalog = ModelCatalog.discover();
        assertTrue(catalog.names().contains("example-mingru"), catalog.names().toString());
        ModelSpec spec = catalog.build("example-mingru", new TaskShape(1, 1, 1), Map.of("hidden", 5));
        assertEquals(new MinGruCell(1, 5), spec.cell());
        SequenceModel model = SequenceModel.create(spec, 3);
        double[] before = model.parameters().data().asDouble();
        DataSet test = new Delay().next(20, new SplittableRandom(4));
        double lossBefore = model.loss(test, LossFunction.MSE);
        try (Trainer t = new Trainer(model, new TrainingConfig(30, 16, Optimizer.adam(1e-2), 1.0, 1, 5, 0))) {
            t.fit(new Delay());
        }
        assertNotEquals(before[0], model.parameters().data().asDouble()[0], "training moved the parameters");
        assertTrue(model.loss(test, LossFunction.MSE) < lossBefore, "and lowered the loss");

        Path file = dir.resolve("user.longlag");
        model.save(file);
        SequenceModel back = SequenceModel.load(file);
        assertEquals(spec, back.spec());
        assertArrayEquals(model.parameters().data().asDouble(), back.parameters().data().asDouble(), 0.0);
        INDArray x = test.getFeatures().castTo(DataType.FLOAT);
        assertEquals(model.output(x), back.output(x));
        assertEquals(List.of("example-mingru"), SerializedTypeCatalog.discover().names(MinGruCell.class));
    }
}
