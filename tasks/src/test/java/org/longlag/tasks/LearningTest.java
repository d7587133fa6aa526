package org.longlag.tasks;

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

/** Short learning runs through the experiment runner: fast, and able to fail. */
class LearningTest {

    @Test
    void lstmSolvesAdditionAtAShortLag() {
        Experiment e = new Experiment("lstm", Map.of("hidden", 24), "addition", Map.of("lag", 10),
                new TrainingConfig(1500, 32, Optimizer.adam(1e-2), 1.0, 2, 0, 0), new EvaluationConfig(100, 300, 1000, true), 3);
        ExperimentResult r = ExperimentRunner.discover().run(e, null);
        assertTrue(r.test().solved(), "LSTM on addition T=10: " + r.test() + " after " + r.steps() + " steps");
        assertTrue(r.firstSolvedStep() > 0);
        assertEquals("", r.diverged());
        // the result names how its float32 loops ran (the tests pass --add-modules jdk.incubator.vector)
        assertTrue(r.environment().get("simd").startsWith("jdk.incubator.vector"), "environment: " + r.environment());
    }

    @Test
    void sameRunTwiceGivesTheSameResult() {
        Experiment e = new Experiment("elman", Map.of("hidden", 8), "multiplication", Map.of("lag", 8),
                new TrainingConfig(30, 16, Optimizer.adam(1e-2), 1.0, 2, 0, 0), new EvaluationConfig(0, 50, 100, false), 11);
        ExperimentRunner runner = ExperimentRunner.discover();
        ExperimentResult a = runner.run(e, null), b = runner.run(e, null);
        assertEquals(a.test().metrics(), b.test().metrics());
        assertEquals(a.modelSeed(), b.modelSeed());
    }
}
