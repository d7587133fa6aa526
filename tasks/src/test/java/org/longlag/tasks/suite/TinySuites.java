package org.longlag.tasks.suite;

import java.nio.file.Path;
import java.util.List;
import org.longlag.tasks.experiment.ExperimentRunner;

/** Small real suites for tests of the runner and the report: seconds, not minutes. */
public final class TinySuites {

    /**
     * A memory task on two models (two seeds each, lags 5 and 8) and a reconstruction of Lorenz-63
     * on one of them and a shPLRNN (one seed, its own short training): the shape of the default
     * suite, at toy sizes. 4 + 4 + 2 = 10 runs.
     */
    public static final String MEMORY_AND_DSR = String.join("\n",
            "name: tiny-both",
            "seeds: [1, 2]",
            "lags: [5, 8]",
            "training: {steps: 20, batch: 8, lr: 0.01}",
            "evaluation: {every: 10, validation-samples: 16, test-samples: 32}",
            "gradient-norms: {samples: 8, points: 5}",
            "models:",
            "  - {kind: elman, options: {hidden: 4}}",
            "  - {kind: lstm, options: {hidden: 4}}",
            "  - {kind: shplrnn, options: {hidden: 3, hidden-width: 8}}",
            "tasks:",
            "  - {kind: addition, models: [elman, lstm]}",
            "  - kind: dsr",
            "    label: lorenz63",
            "    models: [lstm, shplrnn]",
            "    options: {length: 1500, test-length: 300, seq-length: 20, forcing: sparse, tau: 5}",
            "    seeds: [3]",
            "    training: {steps: 12, batch: 4, lr: 0.005, final-lr: 0.001, clip: 0}",
            "    evaluation: {every: 0, stop-when-solved: false}",
            "");

    private TinySuites() {
    }

    /** Runs {@link #MEMORY_AND_DSR} into a store at {@code dir} (two runs at a time) and returns its records. */
    public static List<StoredRecord> runMemoryAndDsr(Path dir) throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite suite = new SuiteReader(runner).parse("tiny-both.yaml", MEMORY_AND_DSR, "quick");
        try (ResultsStore store = ResultsStore.open(dir)) {
            new SuiteRunner(runner, 2, false).run(suite, store, SuiteListener.NONE);
        }
        return ResultsStore.read(dir);
    }
}
