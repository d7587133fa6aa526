package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/**
 * "copy-reuse": {@link CopyReuseTask}. The defaults (10 episodes of 16 items, 160 in all) exceed
 * the NTM's default 128 memory rows; choose episodes x lag above the memory of the model you test.
 */
public final class CopyReuseKind implements TaskKind {

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
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("episodes", "copy episodes per sequence", 10),
                new OptionSpec("width", "bits per vector", 8),
                new OptionSpec("solved-bits", "wrong bits per sequence that count as solved", 0.1));
    }

    @Override
    public Task build(Settings s) {
        return new CopyReuseTask(s.getInt("width"), s.getInt("lag"), s.getInt("episodes"), s.getDouble("solved-bits"));
    }
}
