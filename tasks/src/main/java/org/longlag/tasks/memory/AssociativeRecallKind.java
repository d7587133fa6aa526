package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "associative-recall": {@link AssociativeRecallTask}, the paper's setting by default. */
public final class AssociativeRecallKind implements TaskKind {

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
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("width", "bits per vector", 6),
                new OptionSpec("item-length", "vectors per item", 3),
                new OptionSpec("min-items", "fewest items in a training sequence", 2),
                new OptionSpec("solved-bits", "wrong bits per sequence that count as solved", 0.1));
    }

    @Override
    public Task build(Settings s) {
        return new AssociativeRecallTask(s.getInt("width"), s.getInt("item-length"), s.getInt("min-items"), s.getInt("lag"), s.getDouble("solved-bits"));
    }
}
