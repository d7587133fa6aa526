package org.longlag.models.registry;

import java.util.List;
import org.longlag.models.io.SerializedTypes;
import org.longlag.models.model.ModelSpec;

/**
 * A named family of models the command line and suites can build ("lstm", "rplrnn", "ntm", ...).
 * A new model joins by implementing this and listing the class in
 * {@code META-INF/services/org.longlag.models.registry.ModelKind}; nothing else is edited. Its
 * options are one record {@code O} ({@link Options}: each component an option with its
 * {@link Doc}, checked by the record's constructor), from which the command-line flags, suite
 * validation, help texts and resolved configurations are derived.
 *
 * @param <O> the kind's options record ({@link NoOptions} for none)
 */
public interface ModelKind<O extends Record> extends SerializedTypes {

    /** Short lower-case name used on the command line and in suite files. */
    String name();

    /** One line for help texts. */
    String description();

    /** The kind's options at their defaults; {@link CommonModelOptions} (hidden size, precision) come on top. */
    O defaults();

    /**
     * The model for a task with these input/output widths, hidden size and options (the catalog
     * applies the chosen precision to it).
     *
     * @param task   what the task needs of a model (widths, output activation, longest lag)
     * @param hidden the common option "hidden"
     */
    ModelSpec build(TaskShape task, int hidden, O options);

    /** The options record's type (that of {@link #defaults}). */
    @SuppressWarnings("unchecked")
    default Class<O> optionsType() {
        return (Class<O>) defaults().getClass();
    }

    /** The kind's own options, derived from its record. */
    default List<OptionSpec> options() {
        return Options.specs(defaults());
    }

    /**
     * The {@code @JsonTypeName}-annotated types this kind's models hold beyond the built-in
     * readouts, initial states and forcing rules: its cell, above all. Registered by the services
     * line that registers the kind ({@link ModelKindTypes}), so its models can be saved, loaded and
     * resumed. None unless the kind says.
     */
    @Override
    default List<Class<?>> serializedTypes() {
        return List.of();
    }
}
