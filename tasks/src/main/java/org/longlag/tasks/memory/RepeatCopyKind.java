package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "repeat-copy": {@link RepeatCopyTask}, the paper's setting by default. */
public final class RepeatCopyKind implements TaskKind {

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
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("width", "bits per vector", 8),
                new OptionSpec("min-length", "shortest training sequence", 1),
                new OptionSpec("min-repeats", "fewest repeats in training", 1),
                new OptionSpec("max-repeats", "most repeats in training", 10),
                new OptionSpec("solved-bits", "wrong bits per sequence that count as solved", 0.1));
    }

    @Override
    public Task build(Settings s) {
        return new RepeatCopyTask(s.getInt("width"), s.getInt("min-length"), s.getInt("lag"), s.getInt("min-repeats"), s.getInt("max-repeats"),
                s.getDouble("solved-bits"));
    }
}
