package org.longlag.tasks.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.train.TrainingConfig;

/** The up-front resource check: sizes too large for the heap or for an array are refused by prepare, naming what to lower. */
class ResourceEstimateTest {

    private static final ExperimentRunner RUNNER = ExperimentRunner.discover();

    private static Experiment lstm(int hidden, int lag, int batch, int validation, int test) {
        return new Experiment("lstm", Map.of("hidden", hidden), "addition", Map.of("lag", lag), TrainingConfig.defaults(10, 1).withBatchSize(batch).withThreads(1),
                new EvaluationConfig(0, validation, test, false), 1);
    }

    private static String refused(Experiment e) {
        return assertThrows(IllegalArgumentException.class, () -> RUNNER.prepare(e)).getMessage();
    }

    @Test
    void anOrdinaryRunFitsAndItsPartsAreCounted() {
        Experiment e = lstm(64, 100, 32, 500, 2000);
        ResourceEstimate r = ResourceEstimate.of(e, RUNNER.prepare(e));
        assertEquals(4L * 64 * (64 + 2 + 1) + 64 + 1, r.parameters(), "LSTM 4H(H + 2 + 1) and a linear readout H + 1");
        assertEquals(32 * 100 * (2 + 2 * 128) * 4 + 32 * 100 * 4 * 4, r.activationBytes(), 1, "batch x steps x (input + 2 state) floats, and the batch");
        assertTrue(r.totalBytes() < 64 << 20, "a default run needs little: " + r);
    }

    @Test
    void hugeSizesAreRefusedByNameBeforeAnythingIsAllocated() {
        assertTrue(refused(lstm(8, 100_000_000, 32, 10, 10)).contains("--lag"));
        String batch = refused(lstm(8, 10, 100_000_000, 10, 10));
        assertTrue(batch.contains("--batch") && batch.contains("LONGLAG_JAVA_OPTS"), batch);
        assertTrue(refused(lstm(8, 10, 32, 1_000_000_000, 10)).contains("--eval-samples"));
        assertTrue(refused(lstm(8, 10, 32, 10, 1_000_000_000)).contains("--test-samples"));
        String wide = refused(lstm(16_000, 10, 32, 10, 10)); // 1.0e9 parameters: fits an array, not a 3 GB heap
        assertTrue(wide.contains("--hidden"), wide);
        Experiment copy = new Experiment("lstm", Map.of(), "copy", Map.of("lag", 100_000_000), TrainingConfig.defaults(10, 1),
                EvaluationConfig.defaults(), 1);
        assertTrue(refused(copy).contains("--lag"));
    }

    @Test
    void checkNamesTheLargestPartAgainstAGivenHeap() {
        Experiment e = lstm(64, 1000, 256, 500, 2000);
        ResourceEstimate r = ResourceEstimate.of(e, RUNNER.prepare(e));
        var ex = assertThrows(IllegalArgumentException.class, () -> r.check(64L << 20));
        assertTrue(ex.getMessage().contains("64 MB") && ex.getMessage().contains("activations"), ex.getMessage());
        r.check(4L << 30);
    }

    @Test
    void aLagForATaskWithoutOneAndOptionsThatExcludeEachOtherAreRefused() {
        Experiment dsr = new Experiment("shplrnn", Map.of(), "dsr", Map.of("lag", 50, "length", 500, "test-length", 200), TrainingConfig.defaults(1, 1),
                new EvaluationConfig(0, 1, 1, false), 1);
        String m = refused(dsr);
        assertTrue(m.contains("has no lag axis") && m.contains("--seq-length"), m);
        Experiment both = new Experiment("shplrnn", Map.of(), "dsr", Map.of("csv", "x.csv", "system", "roessler"), TrainingConfig.defaults(1, 1),
                new EvaluationConfig(0, 1, 1, false), 1);
        m = refused(both);
        assertTrue(m.contains("--csv") && m.contains("--system"), m);
        // a suite's run carries its resolved settings, every option at its value: defaults are not "given"
        Map<String, Object> resolved = RUNNER.tasks().settings("dsr", Map.of("length", 500, "test-length", 200)).asMap();
        RUNNER.prepare(new Experiment("shplrnn", Map.of(), "dsr", resolved, TrainingConfig.defaults(1, 1), new EvaluationConfig(0, 1, 1, false), 1));
    }
}
