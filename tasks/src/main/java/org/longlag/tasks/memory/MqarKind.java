package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "mqar": {@link MqarTask}, with CPU-sized defaults (Zoology's vocabulary is 8192). */
public final class MqarKind implements TaskKind {

    @Override
    public String name() {
        return "mqar";
    }

    @Override
    public String description() {
        return "multi-query associative recall (Arora et al. 2023, Zoology): key-value pairs, then every key as a query for its value";
    }

    @Override
    public String lagDescription() {
        return "sequence length (Zoology: 64 to 512)";
    }

    @Override
    public int defaultLag() {
        return 64;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("vocabulary", "tokens: keys 1..V/2-1, values V/2..V-1 (Zoology: 8192)", 128),
                new OptionSpec("pairs", "key-value pairs, each queried once", 8),
                new OptionSpec("power-a", "power law of the query gaps, p(g) ~ (g+1)^(a-1); 1 is uniform", 0.01),
                new OptionSpec("noise-tokens", "random tokens between the queries (Zoology's random_non_queries); false: token 0", true),
                new OptionSpec("solved-accuracy", "accuracy at the queries that counts as solved", 0.99));
    }

    @Override
    public Task build(Settings s) {
        return new MqarTask(s.getInt("vocabulary"), s.getInt("lag"), s.getInt("pairs"), s.getDouble("power-a"), s.getBoolean("noise-tokens"),
                s.getDouble("solved-accuracy"));
    }
}
