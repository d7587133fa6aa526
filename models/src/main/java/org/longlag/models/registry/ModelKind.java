package org.longlag.models.registry;

import java.util.List;
import org.longlag.models.io.SerializedTypes;
import org.longlag.models.model.ModelSpec;

/**
 * A named family of models the command line and suites can build ("lstm", "rplrnn", "ntm", ...).
 * A new model joins by implementing this and listing the class in
 * {@code META-INF/services/org.longlag.models.registry.ModelKind}; nothing else is edited.
 */
public interface ModelKind extends SerializedTypes {

    /** Short lower-case name used on the command line and in suite files. */
    String name();

    /** One line for help texts. */
    String description();

    /** Kind-specific options; {@link ModelCatalog#COMMON} options (hidden size, precision) come on top. */
    List<OptionSpec> options();

    /**
     * The model for a task with these input/output widths and settings (common and specific).
     *
     * @param task what the task needs of a model (widths, output activation, longest lag)
     */
    ModelSpec build(TaskShape task, Settings settings);

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
