package org.longlag.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.dataset.api.DataSet;

/** Training that stops and goes on from a {@link TrainingState}. */
class TrainerResumeTest {

    /**
     * The Echo task with the k-th batch drawn from seed k, whatever stream the trainer passes: an
     * uninterrupted run and a resumed one then see the same batches.
     */
    static final class NumberedBatches implements BatchSource {
        final TrainerTest.Echo echo = new TrainerTest.Echo(6);
        int drawn;

        @Override
        public DataSet next(int size, SplittableRandom ignored) {
            return echo.next(size, new SplittableRandom(drawn++));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.MSE;
        }
    }

    private static final ModelSpec SPEC = ModelSpec.of(new LstmCell(1, 8), 1);

    private static TrainingConfig config(int steps, Optimizer optimizer) {
        return TrainingConfig.defaults(steps, 4).withThreads(2).withBatchSize(10).withOptimizer(optimizer);
    }

    /** Trains {@code first} updates, then goes on to {@code all} from the state (optionally dropping the optimizer's). */
    private static double[] inTwoParts(int first, int all, Optimizer optimizer, boolean keepOptimizer) {
        SequenceModel model = SequenceModel.create(SPEC, 3);
        NumberedBatches batches = new NumberedBatches();
        TrainingState state;
        try (Trainer t = new Trainer(model, config(all, optimizer))) {
            t.fit(batches, List.of(new TrainingListener() {
                @Override
                public void onStep(SequenceModel m, StepReport r, TrainingControl control) {
                    if (r.step() == first) control.stop("paused");
                }
            }));
            state = t.state();
        }
        assertEquals(first, state.step());
        assertEquals(first * 10L, state.sequences());
        TrainingState from = keepOptimizer ? state : TrainingState.at(state.step(), state.sequences());
        try (Trainer t = new Trainer(model, config(all, optimizer))) {
            TrainingResult r = t.fit(batches, batches.forcing().start(), List.of(), from);
            assertEquals(all, r.steps());
            assertEquals(all * 10L, r.sequences());
            assertEquals(keepOptimizer ? all : all - first, t.state().optimizerUpdates());
        }
        return model.parameters().data().asDouble();
    }

    private static double[] uninterrupted(int all, Optimizer optimizer) {
        SequenceModel model = SequenceModel.create(SPEC, 3);
        try (Trainer t = new Trainer(model, config(all, optimizer))) {
            t.fit(new NumberedBatches());
            assertEquals(all, t.state().optimizerUpdates());
        }
        return model.parameters().data().asDouble();
    }

    @Test
    void resumingWithTheOptimizerStateGivesBitwiseTheUninterruptedRun() {
        Optimizer adam = Optimizer.adam(1e-2);
        assertArrayEquals(uninterrupted(10, adam), inTwoParts(6, 10, adam, true), 0.0);
        Optimizer decaying = adam.withFinalLearningRate(1e-4); // the schedule counts the saved updates too
        assertArrayEquals(uninterrupted(10, decaying), inTwoParts(6, 10, decaying, true), 0.0);
        Optimizer sgd = new Optimizer(Optimizer.Kind.SGD, 0.1); // no state at all
        assertArrayEquals(uninterrupted(10, sgd), inTwoParts(6, 10, sgd, true), 0.0);
    }

    @Test
    void resumingWithoutTheOptimizerStateRestartsTheOptimizer() {
        Optimizer adam = Optimizer.adam(1e-2);
        double[] straight = uninterrupted(10, adam), restarted = inTwoParts(6, 10, adam, false);
        assertFalse(Arrays.equals(straight, restarted), "zero moments must change the updates");
        for (double v : restarted) assertTrue(Double.isFinite(v));
    }

    @Test
    void refusesAStateItCannotGoOnFrom() {
        SequenceModel model = SequenceModel.create(SPEC, 3);
        NumberedBatches batches = new NumberedBatches();
        try (Trainer t = new Trainer(model, config(10, Optimizer.adam(1e-2)))) {
            Exception done = assertThrows(IllegalArgumentException.class,
                    () -> t.fit(batches, batches.forcing().start(), List.of(), TrainingState.at(10, 100)));
            assertTrue(done.getMessage().contains("already at update 10"), done.getMessage());
            Exception size = assertThrows(IllegalArgumentException.class,
                    () -> t.fit(batches, batches.forcing().start(), List.of(), new TrainingState(4, 40, new double[3], 4)));
            assertTrue(size.getMessage().contains("has 3 values"), size.getMessage());
        }
        try (Trainer t = new Trainer(model, config(10, Optimizer.adam(1e-2).withFinalLearningRate(1e-4)))) {
            Exception schedule = assertThrows(IllegalArgumentException.class,
                    () -> t.fit(batches, batches.forcing().start(), List.of(), TrainingState.at(4, 40)));
            assertTrue(schedule.getMessage().contains("decaying learning rate"), schedule.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new TrainingState(3, 30, null, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrainingState(3, 30, new double[0], 4));
        assertThrows(IllegalArgumentException.class, () -> TrainingState.at(-1, 0));
    }

    @Test
    void aRunThatDivergesKeepsItsLastGoodPoint() {
        SequenceModel model = SequenceModel.create(SPEC, 3);
        TrainerTest.Echo poisoned = new TrainerTest.Echo(6);
        poisoned.poisonAtCall = 5; // the loss of update 5 overflows at the parameters of update 4: training goes back to 3
        double[][] at3 = new double[1][];
        TrainingListener remember = (m, r, c) -> {
            if (r.step() == 3) at3[0] = c.state().optimizerState();
        };
        try (Trainer t = new Trainer(model, config(10, Optimizer.adam(1e-2)))) {
            assertThrows(TrainingDivergedException.class, () -> t.fit(poisoned, remember));
            TrainingState s = t.state();
            assertEquals(3, s.step());
            assertEquals(30, s.sequences());
            assertEquals(3, s.optimizerUpdates());
            assertArrayEquals(at3[0], s.optimizerState(), 0.0, "the optimizer's state of update 3, restored with its parameters");
        }
        try (Trainer t = new Trainer(model, config(10, Optimizer.adam(1e-2)))) {
            assertNull(t.state().optimizerState(), "nothing trained yet");
            assertEquals(TrainingState.START, t.state());
        }
    }
}
