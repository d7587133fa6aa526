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
 * @param lr         learning rate
 * @param clip       global gradient-norm clipping threshold, 0 for none
 * @param truncation truncated BPTT window, 0 for full BPTT
 */
public record TrainingSettings(String label, int steps, int batch, String optimizer, double lr, double clip, int truncation) {

    /** The keys a suite file may use in a "training" section. */
    public static final List<String> KEYS = List.of("label", "steps", "batch", "optimizer", "lr", "clip", "truncation");

    public TrainingSettings {
        label = label == null ? "" : label;
        // the config's own checks name the bad field
        new TrainingConfig(steps, batch, new Optimizer(Optimizer.parseKind(optimizer), lr), clip, 1, 0L, truncation);
    }

    /** Adam 1e-3, batch 32, clipping at 1, 2000 steps, full BPTT. */
    public static TrainingSettings defaults() {
        return new TrainingSettings("", 2000, 32, "adam", 1e-3, 1.0, 0);
    }

    /** The training config for a run with this many threads (its seed is derived per run by the experiment runner). */
    public TrainingConfig toConfig(int threads) {
        return new TrainingConfig(steps, batch, new Optimizer(Optimizer.parseKind(optimizer), lr), clip, threads, 0L, truncation);
    }

    /** These settings with some keys replaced (values already converted to their types). */
    public TrainingSettings with(Map<String, Object> overrides) {
        Map<String, Object> m = asMap();
        m.put("label", label);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!KEYS.contains(e.getKey())) throw new IllegalArgumentException("unknown training key '" + e.getKey() + "'; known keys: " + KEYS);
            m.put(e.getKey(), e.getValue());
        }
        return new TrainingSettings((String) m.get("label"), ((Number) m.get("steps")).intValue(), ((Number) m.get("batch")).intValue(),
                (String) m.get("optimizer"), ((Number) m.get("lr")).doubleValue(), ((Number) m.get("clip")).doubleValue(),
                ((Number) m.get("truncation")).intValue());
    }

    /** Everything but the label, in a fixed order (this is what enters a run's key). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("batch", batch);
        m.put("optimizer", optimizer);
        m.put("lr", lr);
        m.put("clip", clip);
        m.put("truncation", truncation);
        return m;
    }
}
