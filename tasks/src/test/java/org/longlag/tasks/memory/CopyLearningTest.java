package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;

/** The NTM and its baselines (LSTM, tanh RNN) on the copy and copy-memory tasks, end to end and short. */
class CopyLearningTest {

    private static final ExperimentRunner RUNNER = ExperimentRunner.discover();
    /** A small NTM: 16 locations of width 6, controller 24 (the paper's 128 x 20 and 100 are for length 20). */
    private static final Map<String, Object> SMALL_NTM = Map.of("hidden", 24, "memory-rows", 16, "memory-width", 6);

    @Test
    void everyModelRunsOnBothTasksAndIsScoredAgainstChance() {
        for (String model : new String[] {"ntm", "lstm", "elman"}) {
            Map<String, Object> options = model.equals("ntm") ? SMALL_NTM : Map.of("hidden", 16);
            ExperimentResult copy = run(model, options, "copy", Map.of("lag", 4, "width", 4), 20, 1e-3);
            assertEquals("", copy.diverged(), model);
            double bits = copy.test().metrics().get("bits_per_sequence");
            assertTrue(bits >= 0 && bits <= 4 * 4, model + " copy: " + copy.test());
            assertEquals(java.util.Set.of("length=30", "length=50", "length=120"), copy.generalization().keySet(),
                    model + ": the paper's generalization lengths are scored");

            ExperimentResult memory = run(model, options, "copymemory", Map.of("lag", 10), 20, 1e-3);
            assertEquals("", memory.diverged(), model);
            double ce = memory.test().metrics().get("cross_entropy");
            assertTrue(Double.isFinite(ce) && ce > 0, model + " copymemory: " + memory.test());
            assertEquals(10 * Math.log(8) / 30, memory.test().chanceError(), 1e-12, "memoryless baseline 10 log 8 / (T + 20)");
        }
    }

    @Test
    void ntmLearnsToCopyShortSequences() {
        ExperimentResult r = run("ntm", SMALL_NTM, "copy", Map.of("lag", 4, "width", 4, "solved-bits", 0.5), 1500, 1e-2);
        double bits = r.test().metrics().get("bits_per_sequence");
        // chance: 4 bits x 2.5 vectors on average / 2 = 5 wrong bits per sequence
        assertTrue(r.test().solved() && bits <= 0.5, "NTM on copy of lengths 1..4: " + r.test() + " after " + r.steps() + " steps");
        assertEquals("", r.diverged());
    }

    private static ExperimentResult run(String model, Map<String, Object> options, String task, Map<String, Object> taskOptions,
                                        int steps, double lr) {
        Experiment e = new Experiment(model, options, task, taskOptions,
                new TrainingConfig(steps, 32, Optimizer.adam(lr), 1.0, 2, 0, 0), new EvaluationConfig(100, 200, 200, true), 7);
        return RUNNER.run(e, null);
    }
}
