package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.longlag.tasks.registry.TaskCatalog;
import org.longlag.tasks.registry.TaskKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code longlag tasks [KIND...]}: the task kinds of the catalog, with their options and defaults. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = {"List the task kinds (--task), each with its options and their defaults (--lag first, for the tasks that have a lag).",
                "Give kinds to see only those."})
final class TasksCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "KIND", arity = "0..*", description = "only these kinds")
    List<String> only;

    @Override
    public Integer call() {
        TaskCatalog tasks = TaskCatalog.discover();
        List<String> names = only == null || only.isEmpty() ? tasks.names() : only;
        for (String n : names) tasks.kind(n);
        PrintWriter o = spec.commandLine().getOut();
        boolean first = true;
        for (String n : names) {
            TaskKind<?> k = tasks.kind(n);
            if (!first) o.println();
            first = false;
            o.println(n + ": " + k.description() + (k.isMemoryTask() ? "" : " (no lag axis)"));
            ModelsCommand.print(o, k.isMemoryTask() ? tasks.options(n) : k.options());
        }
        o.flush();
        return Longlag.OK;
    }
}
