package org.longlag.examples.cli;

import org.longlag.tasks.experiment.EvaluationConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The evaluation flags of train and sweep, declared once (a picocli mixin). {@link Every} and
 * {@link KeepGoing} are mixins of their own for the commands that take only them (dsr, resume).
 */
final class EvaluationOptions {

    @Mixin
    Every every = new Every(200);

    @Option(names = "--eval-samples", description = "validation sequences (default ${DEFAULT-VALUE})")
    int evalSamples = 500;

    @Option(names = "--test-samples", description = "test sequences for the final score (default ${DEFAULT-VALUE})")
    int testSamples = 2000;

    @Mixin
    KeepGoing keepGoing = new KeepGoing();

    EvaluationConfig config() {
        every.check();
        if (evalSamples < 1) throw new Longlag.UsageException("--eval-samples must be at least 1, got " + evalSamples);
        if (testSamples < 1) throw new Longlag.UsageException("--test-samples must be at least 1, got " + testSamples);
        return new EvaluationConfig(every.evalEvery, evalSamples, testSamples, !keepGoing.keepGoing);
    }

    /** {@code --eval-every}: validate every N steps. */
    static final class Every {

        @Option(names = "--eval-every", description = "validate every N steps, 0 for only at the end (default ${DEFAULT-VALUE})")
        Integer evalEvery;

        /** @param evalEvery the default, or null for none */
        Every(Integer evalEvery) {
            this.evalEvery = evalEvery;
        }

        /** Refuses a negative count, under the flag's name. */
        Every check() {
            if (evalEvery != null && evalEvery < 0) throw new Longlag.UsageException("--eval-every must be 0 (only at the end) or positive, got " + evalEvery);
            return this;
        }
    }

    /** {@code --keep-going}: no early stop once solved. */
    static final class KeepGoing {

        @Option(names = "--keep-going", description = "train all steps even after validation meets the task's criterion")
        boolean keepGoing;
    }
}
