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

    /** The option every task has. */
    public static final String LAG = "lag";

    private final Map<String, TaskKind<?>> kinds;

    private TaskCatalog(Map<String, TaskKind<?>> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    public static TaskCatalog discover() {
        Map<String, TaskKind<?>> m = new LinkedHashMap<>();
        for (TaskKind<?> k : ServiceLoader.load(TaskKind.class, TaskCatalog.class.getClassLoader())) {
            TaskKind<?> old = m.put(k.name(), k);
            if (old != null) throw new IllegalStateException("two task kinds named '" + k.name() + "': " + old.getClass() + " and " + k.getClass());
            for (OptionSpec o : k.options()) { // also checks the options record (a @Doc on every component, supported types)
                if (o.name().equals(LAG)) throw new IllegalStateException("task kind '" + k.name() + "' declares the common option 'lag' again");
            }
        }
        return new TaskCatalog(m);
    }

    public List<String> names() {
        return new ArrayList<>(kinds.keySet());
    }

    public TaskKind<?> kind(String name) {
        TaskKind<?> k = kinds.get(name);
        if (k == null) throw new IllegalArgumentException("unknown task '" + name + "'; known tasks: " + String.join(", ", kinds.keySet()));
        return k;
    }

    /** "lag" and the kind's own options. */
    public List<OptionSpec> options(String name) {
        List<OptionSpec> all = new ArrayList<>();
        all.add(lag(kind(name)));
        all.addAll(kind(name).options());
        return all;
    }

    /** "lag" and the kind's options: defaults overridden by {@code given}, each checked. */
    public Settings settings(String name, Map<String, ?> given) {
        TaskKind<?> k = kind(name);
        return Settings.resolve("task '" + name + "'", List.of(lag(k)), List.of(k.defaults()), given);
    }

    public Task build(String name, Map<String, ?> given) {
        return build(name, settings(name, given));
    }

    /** Builds the task of settings that {@link #settings} resolved for this kind. */
    public Task build(String name, Settings settings) {
        return build(kind(name), settings);
    }

    private static <O extends Record> Task build(TaskKind<O> kind, Settings settings) {
        return kind.build(settings.getInt(LAG), settings.options(kind.optionsType()));
    }

    private static OptionSpec lag(TaskKind<?> k) {
        return new OptionSpec(LAG, k.lagDescription(), k.defaultLag());
    }
}
