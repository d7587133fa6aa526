package org.longlag.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.OptionSpec;
import org.longlag.tasks.registry.TaskCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Adds the common model options ({@code --hidden}, {@code --precision}) and every model kind's and
 * task kind's options (e.g. {@code --tau-a}, {@code --protocol}) to the commands that build models
 * and tasks, and reads back which ones the user gave. An option that does not belong to the chosen
 * model or task is refused by name. Names, help texts, defaults and allowed values all come from
 * the kinds' options records (see {@link org.longlag.models.registry.Options}).
 */
final class CatalogOptions {

    private CatalogOptions() {
    }

    /** Tags the options this class adds, to tell them from a command's own. */
    private static final String MARK = "catalog-option";

    /** Marker for commands that take catalog options. */
    interface Target {
    }

    static void install(CommandLine root) {
        ModelCatalog models = ModelCatalog.discover();
        TaskCatalog tasks = TaskCatalog.discover();
        Map<String, OptionSpec> all = new LinkedHashMap<>();
        for (OptionSpec o : ModelCatalog.COMMON) all.put(o.name(), o);
        for (String m : models.names()) for (OptionSpec o : models.kind(m).options()) all.putIfAbsent(o.name(), o);
        for (String t : tasks.names()) for (OptionSpec o : tasks.kind(t).options()) all.putIfAbsent(o.name(), o);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof Target)) continue;
            CommandSpec spec = sub.getCommandSpec();
            for (OptionSpec o : all.values()) {
                if (spec.findOption("--" + o.name()) != null) continue;
                spec.addOption(CommandLine.Model.OptionSpec.builder("--" + o.name())
                        .type(String.class)
                        .userObject(MARK)
                        .paramLabel(o.type() == Boolean.class ? "true|false" : o.type().isEnum() ? String.join("|", o.values()) : "<" + o.name() + ">")
                        .description(o.description() + " (" + defaults(o.name(), models, tasks) + ")")
                        .build());
            }
        }
    }

    /**
     * Which kinds take the option and their defaults: "default 64; every model" for a common option,
     * "default 5.0; rplrnn, l2plrnn" when they agree,
     * "default 0.5 for rplrnn; 1.0 for iplrnn, l2plrnn" when kinds sharing the name differ.
     */
    static String defaults(String name, ModelCatalog models, TaskCatalog tasks) {
        for (OptionSpec o : ModelCatalog.COMMON) if (o.name().equals(name)) return "default " + o.defaultValue() + "; every model";
        Map<String, List<String>> byDefault = new LinkedHashMap<>();
        for (String m : models.names()) add(byDefault, models.kind(m).options(), name, m);
        for (String t : tasks.names()) add(byDefault, tasks.kind(t).options(), name, t);
        if (byDefault.size() == 1) {
            Map.Entry<String, List<String>> e = byDefault.entrySet().iterator().next();
            return "default " + e.getKey() + "; " + String.join(", ", e.getValue());
        }
        StringBuilder sb = new StringBuilder("default ");
        byDefault.forEach((value, owners) -> sb.append(sb.length() == "default ".length() ? "" : "; ")
                .append(value).append(" for ").append(String.join(", ", owners)));
        return sb.toString();
    }

    private static void add(Map<String, List<String>> byDefault, List<OptionSpec> options, String name, String owner) {
        for (OptionSpec o : options) {
            if (o.name().equals(name)) byDefault.computeIfAbsent(String.valueOf(o.defaultValue()), k -> new java.util.ArrayList<>()).add(owner);
        }
    }

    private static boolean has(List<OptionSpec> options, String name) {
        return options.stream().anyMatch(o -> o.name().equals(name));
    }

    /**
     * The catalog options the user gave, split into model and task settings; a given option that
     * neither the model nor the task has is an error naming it.
     */
    static Split given(CommandSpec spec, String model, List<OptionSpec> modelOptions, String task, List<OptionSpec> taskOptions) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> t = new LinkedHashMap<>();
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        for (CommandLine.Model.OptionSpec o : pr.matchedOptions()) {
            if (!MARK.equals(o.userObject())) continue; // the command's own options
            String name = o.longestName().substring(2);
            if (o.getValue() == null) continue;
            boolean inModel = has(modelOptions, name), inTask = has(taskOptions, name);
            if (!inModel && !inTask) {
                throw new Longlag.UsageException("option --" + name + " does not apply to model '" + model + "' or task '" + task + "'");
            }
            if (inModel) m.put(name, o.getValue());
            if (inTask) t.put(name, o.getValue());
        }
        return new Split(m, t);
    }

    /** Every catalog option the user gave, by name (without dashes), in command-line order. */
    static Map<String, Object> givenAll(CommandSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (MARK.equals(o.userObject()) && o.getValue() != null) out.put(o.longestName().substring(2), o.getValue());
        }
        return out;
    }

    record Split(Map<String, Object> model, Map<String, Object> task) {
    }
}
