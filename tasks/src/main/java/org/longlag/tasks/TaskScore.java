package org.longlag.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a model did on a task: named metrics, whether the task's success criterion holds, and
 * the task's error measure beside its chance (memoryless) level.
 *
 * @param metrics    metric name to value; always has "error", the task's natural error measure
 *                   (addition: MSE; copy: wrong bits per sequence; copy-memory: cross-entropy)
 * @param primary    name of the metric that decides success (e.g. "fraction_correct")
 * @param solved     whether the success criterion holds
 * @param criterion  the criterion in words, e.g. "fraction_correct >= 0.9"
 * @param chanceError "error" of the best memoryless predictor
 */
public record TaskScore(Map<String, Double> metrics, String primary, boolean solved, String criterion, double chanceError) {

    public TaskScore {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (!metrics.containsKey(primary)) throw new IllegalArgumentException("primary metric '" + primary + "' missing from " + metrics.keySet());
        if (!metrics.containsKey("error")) throw new IllegalArgumentException("metric 'error' missing from " + metrics.keySet());
    }

    public double get(String metric) {
        Double v = metrics.get(metric);
        if (v == null) throw new IllegalArgumentException("no metric '" + metric + "'; have " + metrics.keySet());
        return v;
    }

    public double primaryValue() {
        return metrics.get(primary);
    }

    public double error() {
        return metrics.get("error");
    }

    /** error / chanceError: below 1 means better than any memoryless predictor. */
    public double errorRatioToChance() {
        return error() / chanceError;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(String.format(java.util.Locale.ROOT, "%.4g", v)));
        sb.append(String.format(java.util.Locale.ROOT, ", chance error=%.4g, %s (%s)", chanceError, solved ? "solved" : "not solved", criterion));
        return sb.toString();
    }
}
