package org.longlag.tasks.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;

/** The task kinds found on the class path (Java's {@link ServiceLoader}), by name. */
public final class TaskCatalog {

    private final Map<String, TaskKind> kinds;

    private TaskCatalog(Map<String, TaskKind> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    public static TaskCatalog discover() {
        Map<String, TaskKind> m = new LinkedHashMap<>();
        for (TaskKind k : ServiceLoader.load(TaskKind.class, TaskCatalog.class.getClassLoader())) {
            TaskKind old = m.put(k.name(), k);
            if (old != null) throw new IllegalStateException("two task kinds named '" + k.name() + "': " + old.getClass() + " and " + k.getClass());
        }
        return new TaskCatalog(m);
    }

    public List<String> names() {
        return new ArrayList<>(kinds.keySet());
    }

    public TaskKind kind(String name) {
        TaskKind k = kinds.get(name);
        if (k == null) throw new IllegalArgumentException("unknown task '" + name + "'; known tasks: " + String.join(", ", kinds.keySet()));
        return k;
    }

    public List<OptionSpec> options(String name) {
        TaskKind k = kind(name);
        List<OptionSpec> all = new ArrayList<>();
        all.add(new OptionSpec("lag", k.lagDescription(), k.defaultLag()));
        all.addAll(k.options());
        return all;
    }

    public Settings settings(String name, Map<String, ?> given) {
        return Settings.resolve("task '" + name + "'", options(name), given);
    }

    public Task build(String name, Map<String, ?> given) {
        return kind(name).build(settings(name, given));
    }
}
