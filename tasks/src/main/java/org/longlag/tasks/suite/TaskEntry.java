package org.longlag.tasks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a suite: a registered task kind with options and, for memory tasks, the lags to run.
 *
 * @param label   name in reports; defaults to the kind; unique within the suite
 * @param kind    task kind ("addition", ...)
 * @param options the kind's options except "lag"
 * @param lags    lags to run (memory tasks); empty for tasks without a lag axis (reconstruction)
 * @param origin  where it was defined ("suite.yaml:30:5"), or "" for suites built in code
 */
public record TaskEntry(String label, String kind, Map<String, Object> options, List<Integer> lags, String origin) {

    public TaskEntry {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a task needs a kind");
        label = label == null || label.isBlank() ? kind : label;
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        if (options.containsKey("lag")) throw new IllegalArgumentException("task '" + label + "': give lags in 'lags', not as the option 'lag'");
        lags = List.copyOf(lags == null ? List.of() : lags);
        for (int lag : lags) if (lag < 1) throw new IllegalArgumentException("task '" + label + "': lags must be positive, got " + lag);
        origin = origin == null ? "" : origin;
    }

    public static TaskEntry of(String kind, List<Integer> lags) {
        return new TaskEntry(kind, kind, Map.of(), lags, "");
    }

    public TaskEntry withLags(List<Integer> l) {
        return new TaskEntry(label, kind, options, l, origin);
    }
}
