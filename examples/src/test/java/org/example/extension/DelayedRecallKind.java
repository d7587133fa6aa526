package org.example.extension;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/**
 * "delayed-recall": {@link DelayedRecallTask}. Registered by its one line in
 * {@code META-INF/services/org.longlag.tasks.registry.TaskKind}.
 */
public final class DelayedRecallKind implements TaskKind<DelayedRecallKind.Options> {

    public record Options(@Doc("symbols K to recall one of") int symbols,
                          @Doc("standard deviation of the distractors between symbol and cue") double noise,
                          @Doc("accuracy at the recall step that counts as solved") double solvedAccuracy) {

        public static final Options DEFAULTS = new Options(8, 1.0, 0.99);

        public Options {
            OptionChecks.atLeast("symbols", symbols, 2);
            OptionChecks.atLeast("noise", noise, 0.0);
            OptionChecks.inHalfOpen("solved-accuracy", solvedAccuracy, 1.0 / symbols, 1);
        }
    }

    @Override
    public String name() {
        return "delayed-recall";
    }

    @Override
    public String description() {
        return "delayed recall: one of K symbols at step 0, noise, recall it at step T (an extension in examples/)";
    }

    @Override
    public String lagDescription() {
        return "steps from the symbol to its recall";
    }

    @Override
    public int defaultLag() {
        return 50;
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new DelayedRecallTask(lag, o.symbols(), o.noise(), o.solvedAccuracy());
    }
}
