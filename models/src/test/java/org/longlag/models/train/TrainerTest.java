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
    void nonFiniteLossStopsWithAClearMessageAndKeepsTheLastParametersWhoseLossWasFinite() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1).withPrecision(Precision.FLOAT64), 1);
        Echo data = new Echo(4);
        data.poisonAtCall = 3; // the loss of step 3, computed at the parameters of step 2, is infinite
        double[][] afterStep1 = new double[1][];
        TrainingListener remember = (m, r, c) -> {
            if (r.step() == 1) afterStep1[0] = m.parameters().data().asDouble();
        };
        var e = assertThrows(TrainingDivergedException.class, () -> {
            try (Trainer t = new Trainer(model, TrainingConfig.defaults(10, 1))) {
                t.fit(data, remember);
            }
        });
        assertEquals(3, e.step());
        assertEquals(1, e.kept());
        assertTrue(e.getMessage().contains("step 3") && e.getMessage().contains("keeps the parameters of step 1")
                && e.getMessage().contains("the last whose loss and gradient were finite"), e.getMessage());
        assertArrayEquals(afterStep1[0], model.parameters().data().asDouble(), 0.0);
    }

    /**
     * The probe of issue 21: an IRNN under SGD at learning rate 3 without clipping explodes. The
     * parameters it keeps must be ones whose loss the trainer computed and found finite: those a
     * later step started from and reported on (it used to keep the parameters whose loss was NaN).
     */
    @Test
    void anExplodingRunKeepsParametersWhoseLossWasComputedFinite() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(ElmanCell.irnn(1, 8), 1).withPrecision(Precision.FLOAT64), 1);
        java.util.Map<Integer, double[]> after = new java.util.HashMap<>();
        java.util.Map<Integer, Double> lossOf = new java.util.HashMap<>(); // the loss of step k, computed at the parameters of step k - 1
        after.put(0, model.parameters().data().asDouble());
        TrainingListener record = (m, r, c) -> {
            after.put(r.step(), m.parameters().data().asDouble());
            lossOf.put(r.step(), r.loss());
        };
        Echo data = new Echo(30);
        var e = assertThrows(TrainingDivergedException.class, () -> {
            try (Trainer t = new Trainer(model, new TrainingConfig(300, 32, new Optimizer(Optimizer.Kind.SGD, 3.0), 0, 1, 1, 0))) {
                t.fit(data, record);
            }
        });
        assertTrue(e.step() > 2, "diverges after some updates (" + e.step() + "): " + e.getMessage());
        assertArrayEquals(after.get(e.kept()), model.parameters().data().asDouble(), 0.0, "the model holds the parameters of step " + e.kept());
        Double loss = lossOf.get(e.kept() + 1);
        assertTrue(loss != null && Double.isFinite(loss), "step " + (e.kept() + 1) + " computed a finite loss at the kept parameters: " + e.getMessage());
    }

    @Test
    void aDivergenceAtTheFirstUpdateKeepsTheStartingParametersAndSaysSo() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1).withPrecision(Precision.FLOAT64), 1);
        double[] initial = model.parameters().data().asDouble();
        Echo data = new Echo(4);
        data.poisonAtCall = 1;
        var e = assertThrows(TrainingDivergedException.class, () -> {
            try (Trainer t = new Trainer(model, TrainingConfig.defaults(10, 1))) {
                t.fit(data);
            }
        });
        assertEquals(0, e.kept());
        assertTrue(e.getMessage().contains("its initial parameters, where training started"), e.getMessage());
        assertArrayEquals(initial, model.parameters().data().asDouble(), 0.0);
    }

    @Test
    void moreThreadsThanSequencesGiveTheSameParametersAsOneThreadPerSequence() {
        SequenceModel a = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1), 2), b = SequenceModel.create(ModelSpec.of(new LstmCell(1, 4), 1), 2);
        try (Trainer many = new Trainer(a, TrainingConfig.defaults(3, 1).withBatchSize(4).withThreads(1000));
             Trainer four = new Trainer(b, TrainingConfig.defaults(3, 1).withBatchSize(4).withThreads(4))) {
            many.fit(new Echo(5));
            four.fit(new Echo(5));
        }
        assertArrayEquals(b.parameters().data().asDouble(), a.parameters().data().asDouble(), 0.0);
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
