package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/**
 * "copy-reuse": {@link CopyReuseTask}. The defaults (10 episodes of 16 items, 160 in all) exceed
 * the NTM's default 128 memory rows; choose episodes x lag above the memory of the model you test.
 */
public final class CopyReuseKind implements TaskKind<CopyReuseKind.Options> {

    public record Options(@Doc("copy episodes per sequence") int episodes,
                          @Doc("bits per vector") int width,
                          @Doc("wrong bits per sequence that count as solved") double solvedBits) {

        public static final Options DEFAULTS = new Options(10, 8, 0.1);

        public Options {
            OptionChecks.atLeast("episodes", episodes, 1);
            OptionChecks.atLeast("width", width, 1);
            OptionChecks.atLeast("solved-bits", solvedBits, 0);
        }
    }

    @Override
    public String name() {
        return "copy-reuse";
    }

    @Override
    public String description() {
        return "copy with memory reuse (after Graves et al. 2016): several copy episodes, more items in all than a memory holds";
    }

    @Override
    public String lagDescription() {
        return "items per episode (episodes x lag should exceed the model's memory rows)";
    }

    @Override
    public int defaultLag() {
        return 16;
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new CopyReuseTask(o.width(), lag, o.episodes(), o.solvedBits());
    }
}
