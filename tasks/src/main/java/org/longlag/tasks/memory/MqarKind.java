package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** "mqar": {@link MqarTask}, with CPU-sized defaults (Zoology's vocabulary is 8192). */
public final class MqarKind implements TaskKind<MqarKind.Options> {

    public record Options(@Doc("tokens: keys 1..V/2-1, values V/2..V-1 (Zoology: 8192)") int vocabulary,
                          @Doc("key-value pairs, each queried once") int pairs,
                          @Doc("power law of the query gaps, p(g) ~ (g+1)^(a-1); 1 is uniform") double powerA,
                          @Doc("random tokens between the queries (Zoology's random_non_queries); false: token 0") boolean noiseTokens,
                          @Doc("accuracy at the queries that counts as solved") double solvedAccuracy) {

        public static final Options DEFAULTS = new Options(128, 8, 0.01, true, 0.99);

        public Options {
            OptionChecks.atLeast("vocabulary", vocabulary, 4);
            OptionChecks.atLeast("pairs", pairs, 1);
            OptionChecks.inRange("power-a", powerA, 0, 1);
            OptionChecks.inHalfOpen("solved-accuracy", solvedAccuracy, 0, 1);
        }
    }

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
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public Task build(int lag, Options o) {
        return new MqarTask(o.vocabulary(), lag, o.pairs(), o.powerA(), o.noiseTokens(), o.solvedAccuracy());
    }
}
