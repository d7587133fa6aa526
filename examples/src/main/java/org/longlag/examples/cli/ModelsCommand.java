package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.OptionSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code longlag models [KIND...]}: the model kinds of the catalog, with their options and defaults. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the model kinds (--model), each with its options and their defaults; the options every model has come first.",
                "Give kinds to see only those."})
final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "KIND", arity = "0..*", description = "only these kinds")
    List<String> only;

    @Override
    public Integer call() {
        ModelCatalog models = ModelCatalog.discover();
        List<String> names = only == null || only.isEmpty() ? models.names() : only;
        for (String n : names) models.kind(n); // an unknown kind is refused, naming the known ones
        PrintWriter o = spec.commandLine().getOut();
        o.println("options of every model:");
        print(o, ModelCatalog.COMMON);
        for (String n : names) {
            o.println();
            o.println(n + ": " + models.kind(n).description());
            print(o, models.kind(n).options());
        }
        o.flush();
        return Longlag.OK;
    }

    /** One line per option: --name <type or values> (default) description. */
    static void print(PrintWriter o, List<OptionSpec> options) {
        if (options.isEmpty()) o.println("  (no options of its own)");
        for (OptionSpec s : options) {
            String values = s.type().isEnum() ? String.join("|", s.values()) : s.type() == Boolean.class ? "true|false"
                    : s.type() == Integer.class || s.type() == Long.class ? "<integer>" : s.type() == Double.class ? "<number>" : "<text>";
            o.printf("  --%-20s %-26s %s (default %s)%n", s.name(), values, s.description(), s.defaultValue());
        }
    }
}
