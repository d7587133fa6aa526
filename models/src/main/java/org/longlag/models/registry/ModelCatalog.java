package org.longlag.models.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.longlag.models.model.ModelSpec;

/**
 * The model kinds found on the class path (Java's {@link ServiceLoader}), by name.
 */
public final class ModelCatalog {

    /** Options every model kind has. */
    public static final List<OptionSpec> COMMON = Options.specs(CommonModelOptions.DEFAULTS);

    private final Map<String, ModelKind<?>> kinds;

    private ModelCatalog(Map<String, ModelKind<?>> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    /** Every {@link ModelKind} registered through {@code META-INF/services}. */
    public static ModelCatalog discover() {
        Map<String, ModelKind<?>> m = new LinkedHashMap<>();
        for (ModelKind<?> k : ServiceLoader.load(ModelKind.class, ModelCatalog.class.getClassLoader())) {
            ModelKind<?> old = m.put(k.name(), k);
            if (old != null) throw new IllegalStateException("two model kinds named '" + k.name() + "': " + old.getClass() + " and " + k.getClass());
            for (OptionSpec o : k.options()) { // also checks the options record (a @Doc on every component, supported types)
                if (COMMON.stream().anyMatch(c -> c.name().equals(o.name()))) {
                    throw new IllegalStateException("model kind '" + k.name() + "' declares the common option '" + o.name() + "' again");
                }
            }
        }
        return new ModelCatalog(m);
    }

    public List<String> names() {
        return new ArrayList<>(kinds.keySet());
    }

    public ModelKind<?> kind(String name) {
        ModelKind<?> k = kinds.get(name);
        if (k == null) throw new IllegalArgumentException("unknown model '" + name + "'; known models: " + String.join(", ", kinds.keySet()));
        return k;
    }

    /** Common plus kind-specific options of a model kind. */
    public List<OptionSpec> options(String name) {
        List<OptionSpec> all = new ArrayList<>(COMMON);
        all.addAll(kind(name).options());
        return all;
    }

    /** Resolves the options and builds the model spec, with the precision applied. */
    public ModelSpec build(String name, TaskShape task, Map<String, ?> given) {
        return build(name, task, settings(name, given));
    }

    /** Builds the model spec of settings that {@link #settings} resolved for this kind. */
    public ModelSpec build(String name, TaskShape task, Settings settings) {
        CommonModelOptions common = settings.options(CommonModelOptions.class);
        return build(kind(name), task, common.hidden(), settings).withPrecision(common.precision());
    }

    private static <O extends Record> ModelSpec build(ModelKind<O> kind, TaskShape task, int hidden, Settings settings) {
        return kind.build(task, hidden, settings.options(kind.optionsType()));
    }

    /** The common and the kind's options: defaults overridden by {@code given}, each checked. */
    public Settings settings(String name, Map<String, ?> given) {
        return Settings.resolve("model '" + name + "'", List.of(), List.of(CommonModelOptions.DEFAULTS, kind(name).defaults()), given);
    }
}
