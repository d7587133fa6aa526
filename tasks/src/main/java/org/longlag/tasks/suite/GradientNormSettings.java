package org.longlag.tasks.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.longlag.models.tensor.Precision;

/**
 * How each run of a memory task measures ||dL/dz_{T-k}|| against the lag k, at initialization and
 * after training, on one fixed batch of the task (drawn from the run's seed).
 *
 * @param samples   sequences in the fixed batch; 0 turns the measurement off
 * @param points    at most this many lags are stored (log-spaced, always including k = 0 and the longest)
 * @param precision float64 (default: shows norms far below float32's smallest number) or float32
 */
public record GradientNormSettings(int samples, int points, String precision) {

    public static final List<String> KEYS = List.of("samples", "points", "precision");

    public GradientNormSettings {
        if (samples < 0) throw new IllegalArgumentException("gradient-norms.samples must be 0 (off) or positive, got " + samples);
        if (points < 2) throw new IllegalArgumentException("gradient-norms.points must be at least 2, got " + points);
        Precision.parse(precision);
    }

    public static GradientNormSettings defaults() {
        return new GradientNormSettings(64, 60, "float64");
    }

    public boolean enabled() {
        return samples > 0;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("points", points);
        m.put("precision", precision);
        return m;
    }
}
