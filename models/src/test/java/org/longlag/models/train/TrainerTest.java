package org.longlag.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    /** Echo task: output at the last step the first input value (a lag-T memory problem). */
    static final class Echo implements BatchSource {
        final int length;
        double labelScale = 1;
        int poisonAtCall = -1;
        int calls;

        Echo(int length) {
            this.length = length;
        }

        @Override
        public DataSet next(int size, SplittableRandom rng) {
            calls++;
            float[] x = new float[size * length];
            double[] y = new double[size * length];
            float[] m = new float[size * length];
            for (int b = 0; b < size; b++) {
                for (int t = 0; t < length; t++) x[b * length + t] = (float) rng.nextDouble();
                // a finite label whose squared error overflows: the loss becomes infinite during training
                y[b * length + length - 1] = x[b * length] * (calls == poisonAtCall ? 1e200 : labelScale);
                m[b * length + length - 1] = 1;
            }
            INDArray labels = Nd4j.create(y, new long[] {size, 1, length}, DataType.DOUBLE);
            return new org.nd4j.linalg.dataset.DataSet(Nd4j.create(x, new long[] {size, 1, length}, 'c'), labels, null,
                    Nd4j.create(m, new long[] {size, length}, 'c'));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.MSE;
        }
    }

    private static double[] train(int threads, long seed, int steps) {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 8), 1), 3);
        try (Trainer t = new Trainer(model, TrainingConfig.defaults(steps, seed).withThreads(threads).withBatchSize(10))) {
            t.fit(new Echo(6));
        }
        return model.parameters().data().asDouble();
    }

    @Test
    void sameSeedAndThreadsGiveBitwiseTheSameParameters() {
        assertArrayEquals(train(2, 9, 20), train(2, 9, 20), 0.0);
        assertArrayEquals(train(1, 9, 20), train(1, 9, 20), 0.0);
        assertArrayEquals(train(3, 9, 20), train(3, 9, 20), 0.0);
    }

    @Test
    void threadCountChangesOnlyRoundingAndSeedChangesTheRun() {
        double[] one = train(1, 9, 20), two = train(2, 9, 20), other = train(2, 10, 20);
        double maxDiff = 0, maxOther = 0;
        for (int i = 0; i < one.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(one[i] - two[i]));
            maxOther = Math.max(maxOther, Math.abs(two[i] - other[i]));
        }
        assertTrue(maxDiff < 1e-4, "1 vs 2 threads differ by " + maxDiff);
        assertTrue(maxOther > 1e-3, "a different data seed must change the run, max diff " + maxOther);
    }

    @Test
    void shardedGradientEqualsSingleThreadedGradientInFloat64() {
        ModelSpec spec = ModelSpec.of(ElmanCell.tanh(1, 6), 1).withPrecision(Precision.FLOAT64);
        SequenceModel a = SequenceModel.create(spec, 4), b = SequenceModel.create(spec, 4);
        Echo data = new Echo(5);
        try (Trainer t1 = new Trainer(a, new TrainingConfig(3, 9, Optimizer.adam(1e-2), 0, 1, 7, 0));
             Trainer t3 = new Trainer(b, new TrainingConfig(3, 9, Optimizer.adam(1e-2), 0, 3, 7, 0))) {
            t1.fit(data);
            t3.fit(new Echo(5));
        }
        assertArrayEquals(a.parameters().data().asDouble(), b.parameters().data().asDouble(), 1e-12);
    }

    @Test
    void learnsToRememberTheFirstInput() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 16), 1), 1);
        Echo data = new Echo(8);
        DataSet test = data.next(200, new SplittableRandom(99));
        double before = model.loss(test, LossFunction.MSE);
        try (Trainer t = new Trainer(model, TrainingConfig.defaults(400, 1).withOptimizer(Optimizer.adam(1e-2)))) {
            t.fit(data);
        }
        double after = model.loss(test, LossFunction.MSE);
        // chance (predicting the mean of U[0,1)) is 1/12 = 0.083
        assertTrue(after < 0.1 * (1.0 / 12), "MSE after training " + after + " (before " + before + ")");
    }

    @Test
    void nonFiniteLossStopsWithAClearMessageAndKeepsTheLastGoodParameters() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1).withPrecision(Precision.FLOAT64), 1);
        Echo data = new Echo(4);
        data.poisonAtCall = 3;
        double[][] afterStep2 = new double[1][];
        TrainingListener remember = (m, r, c) -> {
            if (r.step() == 2) afterStep2[0] = m.parameters().data().asDouble();
        };
        var e = assertThrows(TrainingDivergedException.class, () -> {
            try (Trainer t = new Trainer(model, TrainingConfig.defaults(10, 1))) {
                t.fit(data, remember);
            }
        });
        assertEquals(3, e.step());
        assertTrue(e.getMessage().contains("step 3") && e.getMessage().contains("keeps the parameters of step 2"), e.getMessage());
        assertArrayEquals(afterStep2[0], model.parameters().data().asDouble(), 0.0);
    }

    @Test
    void clippingBoundsTheUpdateAndListenersCanStop() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1), 1);
        Echo data = new Echo(4);
        data.labelScale = 1000;
        int[] seen = {0};
        TrainingListener stopAt5 = (m, r, c) -> {
            seen[0] = r.step();
            assertTrue(r.gradientNorm() > 1, "large labels give a large gradient");
            if (r.step() == 5) c.stop("enough");
        };
        TrainingResult r;
        try (Trainer t = new Trainer(model, TrainingConfig.defaults(50, 1).withClipNorm(0.5).withOptimizer(new Optimizer(Optimizer.Kind.SGD, 1.0)))) {
            double[] before = model.parameters().data().asDouble();
            r = t.fit(data, stopAt5);
            double[] after = model.parameters().data().asDouble();
            double moved = 0;
            for (int i = 0; i < before.length; i++) moved += (after[i] - before[i]) * (after[i] - before[i]);
            assertTrue(Math.sqrt(moved) <= 5 * 0.5 + 1e-4, "5 SGD steps of lr 1 with clip 0.5 move at most 2.5, moved " + Math.sqrt(moved));
        }
        assertEquals(5, r.steps());
        assertEquals(5, seen[0]);
        assertEquals("enough", r.stopReason());
    }

    @Test
    void badConfigurationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults(0, 1));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults(5, 1).withClipNorm(-1));
        assertTrue(e.getMessage().contains("clipNorm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void mismatchedBatchShapesAreRefusedWithTheShapes() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, 4), 1), 1);
        var e = assertThrows(IllegalArgumentException.class, () -> model.loss(new Echo(4).next(3, new SplittableRandom(1)), LossFunction.MSE));
        assertTrue(e.getMessage().contains("input channels"), e.getMessage());
    }
}
