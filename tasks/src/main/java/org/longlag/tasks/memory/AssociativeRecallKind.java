package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "associative-recall": {@link AssociativeRecallTask}, the paper's setting by default. */
public final class AssociativeRecallKind implements TaskKind<AssociativeRecallKind.Options> {

    public record Options(@Doc("bits per vector") int width,
                          @Doc("vectors per item") int itemLength,
                          @Doc("fewest items in a training sequence") int minItems,
                          @Doc("wrong bits per sequence that count as solved") double solvedBits) {

        public static final Options DEFAULTS = new Options(6, 3, 2, 0.1);

        public Options {
            OptionChecks.atLeast("width", width, 1);
            OptionChecks.atLeast("item-length", itemLength, 1);
            OptionChecks.atLeast("min-items", minItems, 2);
            OptionChecks.atLeast("solved-bits", solvedBits, 0);
        }
    }

    @Override
    public String name() {
        return "associative-recall";
    }

    @Override
    public String description() {
        return "associative recall (Graves et al. 2014): after a list of items, output the item that followed a queried one";
    }

    @Override
    public String lagDescription() {
        return "most items in a training sequence (the paper: 6)";
    }

    @Override
    public int defaultLag() {
        return 6;
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new AssociativeRecallTask(o.width(), o.itemLength(), o.minItems(), lag, o.solvedBits());
    }
}
