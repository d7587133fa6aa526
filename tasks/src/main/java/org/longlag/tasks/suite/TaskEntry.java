package org.longlag.tasks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a suite: a registered task kind with options and, for memory tasks, the lags to run;
 * optionally its own choice of the suite's models, its own seeds, and training and evaluation keys
 * of its own (a reconstruction task trains differently from a memory task).
 *
 * @param label      name in reports; defaults to the kind; unique within the suite
 * @param kind       task kind ("addition", ...)
 * @param options    the kind's options except "lag"
 * @param lags       lags to run (memory tasks); empty for tasks without a lag axis (reconstruction)
 * @param models     labels of the suite's models that run on this task; empty for all of them
 * @param seeds      this task's seeds; empty for the suite's
 * @param training   training keys for this task's runs (they win over the suite's and the model's own)
 * @param evaluation evaluation keys for this task's runs (they win over the suite's)
 * @param origin     where it was defined ("suite.yaml:30:5"), or "" for suites built in code
 * @param search     memory length found by search instead of the lags listed (memory tasks), or null; its
 *                   seeds replace the suite's and the task's for this task
 */
public record TaskEntry(String label, String kind, Map<String, Object> options, List<Integer> lags, List<String> models, List<Long> seeds,
                        Map<String, Object> training, Map<String, Object> evaluation, String origin, LagSearch search) {

    public TaskEntry {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a task needs a kind");
        label = label == null || label.isBlank() ? kind : label;
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        if (options.containsKey("lag")) throw new IllegalArgumentException("task '" + label + "': give lags in 'lags', not as the option 'lag'");
        lags = List.copyOf(lags == null ? List.of() : lags);
        for (int lag : lags) if (lag < 1) throw new IllegalArgumentException("task '" + label + "': lags must be positive, got " + lag);
        models = List.copyOf(models == null ? List.of() : models);
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training == null ? Map.of() : training));
        evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation == null ? Map.of() : evaluation));
        origin = origin == null ? "" : origin;
        if (search != null && !lags.isEmpty()) throw new IllegalArgumentException("task '" + label + "': give either lags or a lag search, not both");
    }

    /** A task with the lags listed (no search). */
    public TaskEntry(String label, String kind, Map<String, Object> options, List<Integer> lags, List<String> models, List<Long> seeds,
                     Map<String, Object> training, Map<String, Object> evaluation, String origin) {
        this(label, kind, options, lags, models, seeds, training, evaluation, origin, null);
    }

    /** A task on every model with the suite's seeds, training and evaluation. */
    public TaskEntry(String label, String kind, Map<String, Object> options, List<Integer> lags, String origin) {
        this(label, kind, options, lags, List.of(), List.of(), Map.of(), Map.of(), origin);
    }

    public static TaskEntry of(String kind, List<Integer> lags) {
        return new TaskEntry(kind, kind, Map.of(), lags, "");
    }

    /** This task on the lags listed, without a search. */
    public TaskEntry withLags(List<Integer> l) {
        return new TaskEntry(label, kind, options, l, models, seeds, training, evaluation, origin, null);
    }

    /** This task with its memory length found by search, without lags listed. */
    public TaskEntry withSearch(LagSearch s) {
        return new TaskEntry(label, kind, options, List.of(), models, seeds, training, evaluation, origin, s);
    }

    public TaskEntry withOptions(Map<String, Object> o) {
        return new TaskEntry(label, kind, o, lags, models, seeds, training, evaluation, origin, search);
    }

    public TaskEntry withSeeds(List<Long> s) {
        return new TaskEntry(label, kind, options, lags, models, s, training, evaluation, origin, search);
    }

    public TaskEntry withEvaluation(Map<String, Object> e) {
        return new TaskEntry(label, kind, options, lags, models, seeds, training, e, origin, search);
    }

    /** Whether the model labelled {@code model} runs on this task. */
    public boolean runs(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
