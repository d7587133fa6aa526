package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "selective-copy": {@link SelectiveCopyTask}, with CPU-sized defaults (the Mamba paper: 4096 steps). */
public final class SelectiveCopyKind implements TaskKind<SelectiveCopyKind.Options> {

    public record Options(@Doc("data tokens to copy") int tokens,
                          @Doc("tokens: noise 0, data 1..V-2, recall marker V-1") int vocabulary,
                          @Doc("accuracy at the recall steps that counts as solved") double solvedAccuracy) {

        public static final Options DEFAULTS = new Options(16, 16, 0.99);

        public Options {
            OptionChecks.atLeast("tokens", tokens, 1);
            OptionChecks.atLeast("vocabulary", vocabulary, 3);
            OptionChecks.inHalfOpen("solved-accuracy", solvedAccuracy, 0, 1);
        }
    }

    @Override
    public String name() {
        return "selective-copy";
    }

    @Override
    public String description() {
        return "selective copying (Gu & Dao 2023, Mamba): recall, in order, tokens scattered at random among noise";
    }

    @Override
    public String lagDescription() {
        return "steps holding the tokens among noise (the recall adds one step per token)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new SelectiveCopyTask(lag, o.tokens(), o.vocabulary(), o.solvedAccuracy());
    }
}
