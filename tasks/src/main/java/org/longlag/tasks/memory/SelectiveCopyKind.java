package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "selective-copy": {@link SelectiveCopyTask}, with CPU-sized defaults (the Mamba paper: 4096 steps). */
public final class SelectiveCopyKind implements TaskKind {

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
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("tokens", "data tokens to copy", 16),
                new OptionSpec("vocabulary", "tokens: noise 0, data 1..V-2, recall marker V-1", 16),
                new OptionSpec("solved-accuracy", "accuracy at the recall steps that counts as solved", 0.99));
    }

    @Override
    public Task build(Settings s) {
        return new SelectiveCopyTask(s.getInt("lag"), s.getInt("tokens"), s.getInt("vocabulary"), s.getDouble("solved-accuracy"));
    }
}
