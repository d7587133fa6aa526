package org.longlag.tasks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model of a suite: a registered model kind with options.
 *
 * @param label    name in reports; defaults to the kind; unique within the suite
 * @param kind     model kind ("lstm", "rplrnn", ...)
 * @param options  the kind's options (defaults fill the rest)
 * @param training training keys this model overrides (e.g. its own learning rate)
 * @param origin   where it was defined ("suite.yaml:12:5"), or "" for suites built in code
 */
public record ModelEntry(String label, String kind, Map<String, Object> options, Map<String, Object> training, String origin) {

    public ModelEntry {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a model needs a kind");
        label = label == null || label.isBlank() ? kind : label;
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training == null ? Map.of() : training));
        origin = origin == null ? "" : origin;
    }

    public static ModelEntry of(String kind, Map<String, Object> options) {
        return new ModelEntry(kind, kind, options, Map.of(), "");
    }

    public ModelEntry withOptions(Map<String, Object> o) {
        return new ModelEntry(label, kind, o, training, origin);
    }

    public ModelEntry withTraining(Map<String, Object> t) {
        return new ModelEntry(label, kind, options, t, origin);
    }
}
