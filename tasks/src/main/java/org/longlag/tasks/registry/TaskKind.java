package org.longlag.tasks.registry;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Options;
import org.longlag.tasks.Task;

/**
 * A named task family the command line and suites can build ("addition", "copy", ...). A new
 * task joins by implementing this and listing the class in
 * {@code META-INF/services/org.longlag.tasks.registry.TaskKind}; nothing else is edited. Its
 * options are one record {@code O} (see {@link Options}: each component an option with its
 * {@link org.longlag.models.registry.Doc}, checked by the record's constructor); the lag is the
 * one option every task has.
 *
 * @param <O> the kind's options record ({@link org.longlag.models.registry.NoOptions} for none)
 */
public interface TaskKind<O extends Record> {

    String name();

    String description();

    /** The kind's options besides "lag", at their defaults. */
    O defaults();

    /** The task at this lag with these options. */
    Task build(int lag, O options);

    /** What "lag" means for this task, for help texts. */
    default String lagDescription() {
        return "time lag T the task asks a model to bridge";
    }

    /** Default of "lag". */
    default int defaultLag() {
        return 100;
    }

    /** Whether the task has a lag to sweep (memory tasks do; reconstruction does not). */
    default boolean isMemoryTask() {
        return true;
    }

    /** The options record's type (that of {@link #defaults}). */
    @SuppressWarnings("unchecked")
    default Class<O> optionsType() {
        return (Class<O>) defaults().getClass();
    }

    /**
     * Refuses (IllegalArgumentException, one line) a combination of given options of which one
     * would be ignored, e.g. a CSV file and a built-in system; {@code given} are the names of the
     * options set to other values than their defaults. By default every combination is fine.
     */
    default void checkGiven(java.util.Set<String> given) {
    }

    /** Options besides "lag", derived from the kind's record. */
    default List<OptionSpec> options() {
        return Options.specs(defaults());
    }
}
