package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "repeat-copy": {@link RepeatCopyTask}, the paper's setting by default. */
public final class RepeatCopyKind implements TaskKind<RepeatCopyKind.Options> {

    public record Options(@Doc("bits per vector") int width,
                          @Doc("shortest training sequence") int minLength,
                          @Doc("fewest repeats in training") int minRepeats,
                          @Doc("most repeats in training") int maxRepeats,
                          @Doc("wrong bits per sequence that count as solved") double solvedBits) {

        public static final Options DEFAULTS = new Options(8, 1, 1, 10, 0.1);

        public Options {
            OptionChecks.atLeast("width", width, 1);
            OptionChecks.atLeast("min-length", minLength, 1);
            OptionChecks.atLeast("min-repeats", minRepeats, 1);
            OptionChecks.atLeast("max-repeats", maxRepeats, minRepeats);
            OptionChecks.atLeast("solved-bits", solvedBits, 0);
        }
    }

    @Override
    public String name() {
        return "repeat-copy";
    }

    @Override
    public String description() {
        return "repeat copy (Graves et al. 2014): output a sequence of bit vectors a given number of times, then an end marker";
    }

    @Override
    public String lagDescription() {
        return "longest training sequence (the paper: 10)";
    }

    @Override
    public int defaultLag() {
        return 10;
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new RepeatCopyTask(o.width(), o.minLength(), lag, o.minRepeats(), o.maxRepeats(), o.solvedBits());
    }
}
