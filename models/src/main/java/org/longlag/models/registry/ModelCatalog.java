package org.longlag.models.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.longlag.models.Precision;
import org.longlag.models.model.ModelSpec;

/**
 * The model kinds found on the class path (Java's {@link ServiceLoader}), by name.
 */
public final class ModelCatalog {

    /** Options every model kind has. */
    public static final List<OptionSpec> COMMON = List.of(
            new OptionSpec("hidden", "hidden/latent units", 64),
            new OptionSpec("precision", "float32 or float64", "float32"));

    private final Map<String, ModelKind> kinds;

    private ModelCatalog(Map<String, ModelKind> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    /** Every {@link ModelKind} registered through {@code META-INF/services}. */
    public static ModelCatalog discover() {
        Map<String, ModelKind> m = new LinkedHashMap<>();
        for (ModelKind k : ServiceLoader.load(ModelKind.class, ModelCatalog.class.getClassLoader())) {
            ModelKind old = m.put(k.name(), k);
            if (old != null) throw new IllegalStateException("two model kinds named '" + k.name() + "': " + old.getClass() + " and " + k.getClass());
        }
        return new ModelCatalog(m);
    }

    public List<String> names() {
        return new ArrayList<>(kinds.keySet());
    }

    public ModelKind kind(String name) {
        ModelKind k = kinds.get(name);
        if (k == null) throw new IllegalArgumentException("unknown model '" + name + "'; known models: " + String.join(", ", kinds.keySet()));
        return k;
    }

    /** Common plus kind-specific options of a model kind. */
    public List<OptionSpec> options(String name) {
        List<OptionSpec> all = new ArrayList<>(COMMON);
        all.addAll(kind(name).options());
        return all;
    }

    /** Resolves settings and builds the model spec, with the precision applied. */
    public ModelSpec build(String name, TaskShape task, Map<String, ?> given) {
        Settings s = settings(name, given);
        return kind(name).build(task, s).withPrecision(Precision.parse(s.getString("precision")));
    }

    public Settings settings(String name, Map<String, ?> given) {
        return Settings.resolve("model '" + name + "'", options(name), given);
    }
}
