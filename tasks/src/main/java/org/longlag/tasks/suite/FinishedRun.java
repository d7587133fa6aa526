package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run sends back to the process that writes the store: its record, and the bytes of its
 * artifacts when they were written where the store cannot see them (another machine), by path
 * relative to the store's directory ("artifacts/KEY/model.longlag"). Empty when the worker wrote
 * them into the store's directory itself.
 */
public record FinishedRun(String key, ObjectNode record, Map<String, byte[]> files) {

    public FinishedRun {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files == null ? Map.of() : files));
    }
}
