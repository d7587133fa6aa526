package org.longlag.models.forcing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** The trainer applies the batch source's forcing on every shard, seeded and reproducible. */
class ForcedTrainingTest {

    /** Fixed-shape random observation windows with a forcing rule. */
    private static final class Windows implements BatchSource {
        final Forcing forcing;

        Windows(Forcing forcing) {
            this.forcing = forcing;
        }

        @Override
        public org.nd4j.linalg.dataset.api.DataSet next(int size, SplittableRandom rng) {
            int n = 2, t = 7;
            double[] y = new double[size * n * t];
            for (int i = 0; i < y.length; i++) y[i] = rng.nextDouble() - 0.5;
            double[] m = new double[size * t];
            for (int b = 0; b < size; b++) for (int s = 1; s < t; s++) m[b * t + s] = 1;
            return new DataSet(Nd4j.zeros(size, 1, t), Nd4j.create(y, new long[] {size, n, t}, 'c'), null, Nd4j.create(m, new long[] {size, t}, 'c'));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.MSE;
        }

        @Override
        public Forcing forcing() {
            return forcing;
        }
    }

    private static List<Double> losses(Forcing forcing, int threads, SequenceModel model) {
        List<Double> out = new ArrayList<>();
        TrainingListener l = (m, r, c) -> out.add(r.loss());
        TrainingConfig config = TrainingConfig.defaults(6, 5).withThreads(threads).withBatchSize(5).withClipNorm(0);
        try (Trainer t = new Trainer(model, config)) {
            t.fit(new Windows(forcing), List.of(l));
        }
        return out;
    }

    private static SequenceModel model() {
        return SequenceModel.create(new org.longlag.models.model.ModelSpec(new ShPlrnnCell(1, 3, 8, false), new IdentityReadout(2),
                new org.longlag.models.model.LearnedInitialState(0.2), org.longlag.models.tensor.Precision.FLOAT64), 4);
    }

    @Test
    void firstLossIsTheForcedLossOfTheFirstBatchOnEveryShardSplit() {
        Forcing forcing = GeneralizedForcing.constant(0.4);
        SequenceModel start = model();
        SequenceBatch first = SequenceBatch.of(new Windows(forcing).next(5, new SplittableRandom(5)));
        BatchForcing bound = forcing.start().prepare(start, first, 1);
        org.longlag.models.model.ShardWorker w = new org.longlag.models.model.ShardWorker(start.spec(), org.longlag.models.bptt.Bptt.FULL);
        double expected = w.lossAndGradient(start.weights(), first, 0, 5, 1 / first.maskSum(0, 5), LossFunction.MSE, null, bound.rows(0, 5));
        assertEquals(expected, losses(forcing, 1, model()).get(0), 1e-12);
        assertEquals(expected, losses(forcing, 2, model()).get(0), 1e-12);
        double unforced = losses(Forcing.none(), 1, model()).get(0);
        assertNotEquals(expected, unforced, "forcing changes what the model is trained on");
    }

    @Test
    void forcedTrainingIsBitwiseReproducible() {
        Forcing adaptive = new GeneralizedForcing(1.0, AlphaMethod.PRODUCT_BOUND, 0.5, 2);
        SequenceModel a = model(), b = model();
        assertEquals(losses(adaptive, 2, a), losses(adaptive, 2, b));
        assertArrayEquals(a.parameters().toDoubleVector(), b.parameters().toDoubleVector(), 0);
    }

    @Test
    void learningRateDecaysExponentiallyToItsFinalValue() {
        Adam adam = (Adam) Optimizer.adam(1e-3).withFinalLearningRate(1e-6).toUpdater(101);
        assertEquals(1e-3, adam.getLearningRate(0, 0), 1e-15);
        assertEquals(1e-6, adam.getLearningRate(100, 0), 1e-15);
        assertEquals(Math.sqrt(1e-3 * 1e-6), adam.getLearningRate(50, 0), 1e-12);
        assertEquals(1e-3, ((Adam) Optimizer.adam(1e-3).toUpdater(101)).getLearningRate(100, 0), 0, "no final rate: constant");
    }
}
