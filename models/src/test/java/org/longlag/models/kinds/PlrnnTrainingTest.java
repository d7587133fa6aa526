package org.longlag.models.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Parameters;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.tensor.Mat;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A few real training steps keep W's diagonal exactly zero while the rest of W moves. */
class PlrnnTrainingTest {

    /** Two input channels over 6 steps; the target at the last step is the sum of channel 0. */
    private static final BatchSource SUMS = new BatchSource() {
        @Override
        public org.nd4j.linalg.dataset.api.DataSet next(int size, SplittableRandom rng) {
            int steps = 6;
            double[][][] f = new double[size][2][steps];
            double[][] l = new double[size][1];
            for (int b = 0; b < size; b++) {
                for (int t = 0; t < steps; t++) {
                    f[b][0][t] = rng.nextDouble();
                    f[b][1][t] = rng.nextDouble() < 0.3 ? 1 : 0;
                    l[b][0] += f[b][0][t] / steps;
                }
            }
            return new DataSet(Nd4j.createFromArray(f), Nd4j.createFromArray(l));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.MSE;
        }
    };

    @Test
    void diagonalOfWStaysExactlyZero() {
        for (String kind : new String[] {"rplrnn", "plrnn"}) {
            for (Precision p : Precision.values()) {
                SequenceModel model = SequenceModel.create(ModelCatalog.discover().build(kind, new TaskShape(2, 1, 6),
                        Map.of("hidden", 6, "precision", p.name().toLowerCase())), 3);
                double[] before = model.parameters().data().asDouble();
                try (Trainer t = new Trainer(model, TrainingConfig.defaults(5, 7).withBatchSize(8).withThreads(2))) {
                    t.fit(SUMS);
                }
                Parameters w = model.weights();
                int wBlock = model.layout().indexOf("cell.W");
                Mat wm = w.get(wBlock);
                int moved = 0;
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        if (i == j) {
                            assertEquals(0.0, wm.get(i, i), 0.0, kind + " " + p + ": W[" + i + "][" + i + "]");
                        } else if (wm.get(i, j) != before[model.layout().block(wBlock).offset() + i * 6 + j]) {
                            moved++;
                        }
                    }
                }
                assertNotEquals(0, moved, kind + " " + p + ": training moved W's off-diagonal entries");
            }
        }
    }
}
