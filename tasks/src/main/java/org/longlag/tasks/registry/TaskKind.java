package org.longlag.tasks.registry;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;

/**
 * A named task family the command line and suites can build ("addition", "copy", ...). A new
 * task joins by implementing this and listing the class in
 * {@code META-INF/services/org.longlag.tasks.registry.TaskKind}; nothing else is edited.
 */
public interface TaskKind {

    String name();

    String description();

    /** Options besides "lag". */
    List<OptionSpec> options();

    /** What "lag" means for this task, for help texts. */
    default String lagDescription() {
        return "time lag T the task asks a model to bridge";
    }

    /** Default of "lag". */
    default int defaultLag() {
        return 100;
    }

    /** The task at this lag with these settings (including "lag"). */
    Task build(Settings settings);

    /** Whether the task has a lag to sweep (memory tasks do; reconstruction does not). */
    default boolean isMemoryTask() {
        return true;
    }
}
