package org.longlag.tasks.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.TrainingConfig;

/**
 * How the runs of a suite are trained (one point of the suite's "training" axis). The thread count
 * is not part of it: the runner decides it (one thread per run when runs go in parallel), and it
 * does not enter a run's key.
 *
 * @param label      name shown in reports when a suite has several training settings ("" for one)
 * @param steps      maximal number of updates
 * @param batch      sequences per update
 * @param optimizer  adam, rmsprop or sgd
 * @param lr         learning rate (the starting rate when {@code finalLr} is set)
 * @param finalLr    0 for a constant learning rate, else the rate the run decays to exponentially
 *                   by its last update (as {@code longlag dsr --final-lr})
 * @param clip       global gradient-norm clipping threshold, 0 for none
 * @param truncation truncated BPTT window, 0 for full BPTT
 */
public record TrainingSettings(String label, int steps, int batch, String optimizer, double lr, double finalLr, double clip, int truncation) {

    /** The keys a suite file may use in a "training" section. */
    public static final List<String> KEYS = List.of("label", "steps", "batch", "optimizer", "lr", "final-lr", "clip", "truncation");

    public TrainingSettings {
        label = label == null ? "" : label;
        // the config's own checks name the bad field
        new TrainingConfig(steps, batch, optimizer(optimizer, lr, finalLr), clip, 1, 0L, truncation);
    }

    /** Constant learning rate. */
    public TrainingSettings(String label, int steps, int batch, String optimizer, double lr, double clip, int truncation) {
        this(label, steps, batch, optimizer, lr, 0, clip, truncation);
    }

    /** Adam 1e-3 (constant), batch 32, clipping at 1, 2000 steps, full BPTT. */
    public static TrainingSettings defaults() {
        return new TrainingSettings("", 2000, 32, "adam", 1e-3, 0, 1.0, 0);
    }

    /** The training config for a run with this many threads (its seed is derived per run by the experiment runner). */
    public TrainingConfig toConfig(int threads) {
        return new TrainingConfig(steps, batch, optimizer(optimizer, lr, finalLr), clip, threads, 0L, truncation);
    }

    private static Optimizer optimizer(String kind, double lr, double finalLr) {
        return new Optimizer(Optimizer.parseKind(kind), lr, finalLr);
    }

    /** These settings with some keys replaced (values already converted to their types). */
    public TrainingSettings with(Map<String, Object> overrides) {
        Map<String, Object> m = asMap();
        m.put("label", label);
        m.putIfAbsent("final-lr", 0.0);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!KEYS.contains(e.getKey())) throw new IllegalArgumentException("unknown training key '" + e.getKey() + "'; known keys: " + KEYS);
            m.put(e.getKey(), e.getValue());
        }
        return new TrainingSettings((String) m.get("label"), ((Number) m.get("steps")).intValue(), ((Number) m.get("batch")).intValue(),
                (String) m.get("optimizer"), ((Number) m.get("lr")).doubleValue(), ((Number) m.get("final-lr")).doubleValue(),
                ((Number) m.get("clip")).doubleValue(), ((Number) m.get("truncation")).intValue());
    }

    /**
     * Everything but the label, in a fixed order (this is what enters a run's key); "final-lr" only
     * when it is set, so that runs with a constant rate keep the keys they had before it existed.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("batch", batch);
        m.put("optimizer", optimizer);
        m.put("lr", lr);
        if (finalLr != 0) m.put("final-lr", finalLr);
        m.put("clip", clip);
        m.put("truncation", truncation);
        return m;
    }
}
