package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.longlag.models.registry.OptionSpec;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.registry.TaskKind;

/**
 * Reads suite files (YAML or JSON) into a {@link Suite}: every key checked against the keys it may
 * have, every value against its type and range, every model and task option against the
 * registered kind's options, the budget applied, and finally every run built once
 * ({@link Suite#expand}) so that nothing starts training before the whole suite is known to be
 * good. All problems are reported together, each with file, line and column.
 */
public final class SuiteReader {

    /** Top-level keys of a suite file. */
    public static final List<String> KEYS = List.of("name", "description", "seeds", "lags", "training", "evaluation", "gradient-norms",
            "checkpoint-every", "models", "tasks", "budgets");
    static final List<String> MODEL_KEYS = List.of("kind", "label", "options", "training");
    static final List<String> TASK_KEYS = List.of("kind", "label", "options", "lags", "models", "seeds", "training", "evaluation");
    static final List<String> EVALUATION_KEYS = List.of("every", "validation-samples", "test-samples", "stop-when-solved");
    /** The suites shipped with longlag (resources next to this class). */
    public static final List<String> BUILT_IN = List.of("default");

    private final ExperimentRunner runner;

    public SuiteReader(ExperimentRunner runner) {
        this.runner = runner;
    }

    /** Reads a suite file, resolved with the named budget. */
    public Suite read(Path file, String budget) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SuiteException("suite file " + file + " does not exist");
        } catch (IOException e) {
            throw new SuiteException("suite file " + file + " could not be read: " + e.getMessage());
        }
        return parse(file.toString(), text, budget);
    }

    /** A built-in suite ({@link #BUILT_IN}), resolved with the named budget. */
    public Suite readBuiltIn(String name, String budget) {
        return parse(name + ".yaml (built in)", builtInText(name), budget);
    }

    /** The text of a built-in suite. */
    public static String builtInText(String name) {
        if (!BUILT_IN.contains(name)) throw new SuiteException("no built-in suite '" + name + "'; built in: " + BUILT_IN);
        try (InputStream in = SuiteReader.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) throw new IllegalStateException("built-in suite " + name + ".yaml is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read built-in suite " + name, e);
        }
    }

    /**
     * Parses and validates suite text.
     *
     * @param source file name for messages (".json" selects the JSON parser, anything else YAML)
     * @param budget "quick", "paper" or a budget the file defines
     */
    public Suite parse(String source, String text, String budget) {
        LocatedTree tree = LocatedTree.parse(source, text);
        Fields f = new Fields(tree);
        JsonNode root = tree.root();
        if (!f.mapping(root, "", KEYS)) throw new SuiteException(f.problems);
        String name = root.has("name") ? f.text(root.get("name"), "name") : defaultName(source);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            f.problem("name", "expects letters, digits, '.', '_' or '-' (it names the output directory), got '" + name + "'");
        }
        String description = root.has("description") ? f.text(root.get("description"), "description") : "";
        List<Long> seeds = root.has("seeds") ? f.list(root.get("seeds"), "seeds", (n, p) -> f.longValue(n, p, Long.MIN_VALUE)) : List.of(1L);
        LagSearch search = root.has("lags") && root.get("lags") != null && root.get("lags").isObject() ? search(f, root.get("lags"), "lags") : null;
        List<Integer> lags = root.has("lags") && search == null && !(root.get("lags") != null && root.get("lags").isObject())
                ? f.list(root.get("lags"), "lags", (n, p) -> f.integer(n, p, 1)) : List.of();
        Integer checkpointEvery = root.has("checkpoint-every") ? f.integer(root.get("checkpoint-every"), "checkpoint-every", 0) : Integer.valueOf(0);
        List<TrainingSettings> trainings = trainings(f, root.get("training"));
        Map<String, Object> evaluation = root.has("evaluation") ? evaluation(f, root.get("evaluation"), "evaluation") : Map.of();
        GradientNormSettings norms = gradientNorms(f, root.get("gradient-norms"));
        List<ModelEntry> models = new ArrayList<>();
        List<TaskEntry> tasks = new ArrayList<>();
        if (!root.has("models")) f.problem("", "missing key 'models' (a list of model kinds: " + String.join(", ", runner.models().names()) + ")");
        else entries(f, root.get("models"), "models", (n, p) -> models.add(model(f, n, p)));
        if (!root.has("tasks")) f.problem("", "missing key 'tasks' (a list of task kinds: " + String.join(", ", runner.tasks().names()) + ")");
        else entries(f, root.get("tasks"), "tasks", (n, p) -> tasks.add(task(f, n, p, lags, search, root.has("lags"))));
        List<String> modelLabels = models.stream().filter(m -> m != null).map(ModelEntry::label).toList();
        for (int i = 0; i < tasks.size(); i++) {
            TaskEntry t = tasks.get(i);
            if (t == null) continue;
            for (int j = 0; j < t.models().size(); j++) {
                if (!modelLabels.contains(t.models().get(j))) {
                    f.problem(taskPath(root, t) + ".models[" + j + "]", "no model labelled '" + t.models().get(j) + "' in the suite; its models: " + modelLabels);
                }
            }
        }
        Map<String, Budget> budgets = budgets(f, root.get("budgets"), models, tasks);
        Budget chosen = budgets.get(budget);
        if (chosen == null) {
            f.problem(root.has("budgets") ? "budgets" : "", "unknown budget '" + budget + "'; known budgets: " + String.join(", ", budgets.keySet()));
        }
        models.removeIf(m -> m == null);
        tasks.removeIf(t -> t == null);
        if (!f.problems.isEmpty()) throw new SuiteException(f.problems);

        Suite suite;
        try {
            suite = apply(chosen, name, description, seeds, trainings, evaluation, norms, models, tasks)
                    .withCheckpointEvery(checkpointEvery == null ? 0 : checkpointEvery);
        } catch (SuiteException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SuiteException(source + ": " + e.getMessage());
        }
        suite.expand(runner);
        return suite;
    }

    private Suite apply(Budget b, String name, String description, List<Long> seeds, List<TrainingSettings> trainings,
                        Map<String, Object> evaluation, GradientNormSettings norms, List<ModelEntry> models, List<TaskEntry> tasks) {
        Suite asWritten = new Suite(name, description, Budget.quick(), models, tasks, seeds, trainings,
                Suite.evaluation(EvaluationConfig.defaults(), evaluation), norms);
        return asWritten.withBudget(b, runner);
    }

    private static String defaultName(String source) {
        String base = Path.of(source.replace(" (built in)", "")).getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "-");
        return clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0)) ? "suite" + clean : clean;
    }

    private interface EntryReader {
        void read(JsonNode node, String path);
    }

    private static void entries(Fields f, JsonNode n, String path, EntryReader reader) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            f.problem(path, "expects a non-empty list, got " + Fields.show(n));
            return;
        }
        for (int i = 0; i < n.size(); i++) reader.read(n.get(i), path + "[" + i + "]");
    }

    private ModelEntry model(Fields f, JsonNode n, String path) {
        String kindPath = n != null && n.isObject() ? path + ".kind" : path;
        JsonNode kindNode = n != null && n.isObject() ? n.get("kind") : n;
        if (n != null && n.isObject() && !f.mapping(n, path, MODEL_KEYS)) return null;
        if (n != null && n.isObject() && kindNode == null) {
            f.problem(path, "missing key 'kind' (one of " + String.join(", ", runner.models().names()) + ")");
            return null;
        }
        String kind = f.text(kindNode, kindPath);
        if (kind == null) return null;
        if (!runner.models().names().contains(kind)) {
            f.problem(kindPath, "unknown model kind '" + kind + "'; known models: " + String.join(", ", runner.models().names()));
            return null;
        }
        if (!n.isObject()) return new ModelEntry(kind, kind, Map.of(), Map.of(), f.tree.at(path));
        String label = n.has("label") ? f.text(n.get("label"), path + ".label") : kind;
        Map<String, Object> options = n.has("options")
                ? options(f, n.get("options"), path + ".options", "model '" + kind + "'", runner.models().options(kind)) : Map.of();
        Map<String, Object> training = n.has("training") ? trainingKeys(f, n.get("training"), path + ".training", false) : Map.of();
        return new ModelEntry(label, kind, options, training, f.tree.at(path));
    }

    /** {@code {search: {from, to, seeds, resolution}}}: memory length by search ({@link LagSearch}). */
    private static LagSearch search(Fields f, JsonNode n, String path) {
        if (!f.mapping(n, path, List.of("search"))) return null;
        String p = path + ".search";
        JsonNode s = n.get("search");
        if (!f.mapping(s, p, LagSearch.KEYS)) return null;
        for (String k : List.of("from", "to")) if (!s.has(k)) f.problem(p, "missing key '" + k + "' (the search's " + (k.equals("from") ? "first" : "largest") + " lag)");
        if (!s.has("from") || !s.has("to")) return null;
        Integer from = f.integer(s.get("from"), p + ".from", 1);
        Integer to = f.integer(s.get("to"), p + ".to", 1);
        Integer seeds = s.has("seeds") ? f.integer(s.get("seeds"), p + ".seeds", 1) : Integer.valueOf(5);
        Double resolution = s.has("resolution") ? f.number(s.get("resolution"), p + ".resolution", 0, true) : Double.valueOf(0.1);
        if (from == null || to == null || seeds == null || resolution == null) return null;
        try {
            return new LagSearch(from, to, seeds, resolution);
        } catch (IllegalArgumentException e) {
            f.problem(p, e.getMessage());
            return null;
        }
    }

    private TaskEntry task(Fields f, JsonNode n, String path, List<Integer> defaultLags, LagSearch defaultSearch, boolean lagsGiven) {
        String kindPath = n != null && n.isObject() ? path + ".kind" : path;
        JsonNode kindNode = n != null && n.isObject() ? n.get("kind") : n;
        if (n != null && n.isObject() && !f.mapping(n, path, TASK_KEYS)) return null;
        if (n != null && n.isObject() && kindNode == null) {
            f.problem(path, "missing key 'kind' (one of " + String.join(", ", runner.tasks().names()) + ")");
            return null;
        }
        String kind = f.text(kindNode, kindPath);
        if (kind == null) return null;
        if (!runner.tasks().names().contains(kind)) {
            f.problem(kindPath, "unknown task kind '" + kind + "'; known tasks: " + String.join(", ", runner.tasks().names()));
            return null;
        }
        TaskKind tk = runner.tasks().kind(kind);
        boolean object = n.isObject();
        String label = object && n.has("label") ? f.text(n.get("label"), path + ".label") : kind;
        Map<String, Object> options = Map.of();
        if (object && n.has("options")) {
            JsonNode o = n.get("options");
            if (o != null && o.has("lag")) f.problem(path + ".options.lag", "give lags in the task's 'lags' list (or the top-level 'lags'), not as the option 'lag'");
            List<OptionSpec> specs = new ArrayList<>(runner.tasks().options(kind));
            specs.removeIf(s -> s.name().equals("lag"));
            options = options(f, o, path + ".options", "task '" + kind + "'", specs);
        }
        List<Integer> lags;
        LagSearch search = null;
        if (object && n.has("lags")) {
            if (!tk.isMemoryTask()) {
                f.problem(path + ".lags", "task kind '" + kind + "' has no lag axis (it is not a memory task); remove 'lags'");
                return null;
            }
            if (n.get("lags") != null && n.get("lags").isObject()) {
                search = search(f, n.get("lags"), path + ".lags");
                if (search == null) return null;
                lags = List.of();
            } else {
                lags = f.list(n.get("lags"), path + ".lags", (v, p) -> f.integer(v, p, 1));
            }
        } else if (tk.isMemoryTask() && defaultSearch != null) {
            search = defaultSearch;
            lags = List.of();
        } else if (tk.isMemoryTask()) {
            if (defaultLags.isEmpty() && lagsGiven) return null; // the top-level lags are bad, and reported as such
            if (defaultLags.isEmpty()) {
                f.problem(path, "memory task '" + kind + "' needs lags: give 'lags' here or at the top level");
                return null;
            }
            lags = defaultLags;
        } else {
            lags = List.of();
        }
        List<String> models = object && n.has("models") ? f.list(n.get("models"), path + ".models", f::text) : List.of();
        List<Long> seeds = object && n.has("seeds") ? f.list(n.get("seeds"), path + ".seeds", (v, p) -> f.longValue(v, p, Long.MIN_VALUE)) : List.of();
        Map<String, Object> training = object && n.has("training") ? trainingKeys(f, n.get("training"), path + ".training", false) : Map.of();
        Map<String, Object> evaluation = object && n.has("evaluation") ? evaluation(f, n.get("evaluation"), path + ".evaluation") : Map.of();
        if (search != null && !seeds.isEmpty()) {
            f.problem(path + ".seeds", "a task whose lags are searched runs seeds 1.." + search.seeds() + " (lags.search.seeds); remove 'seeds'");
            return null;
        }
        return new TaskEntry(label, kind, options, lags, models, seeds, training, evaluation, f.tree.at(path), search);
    }

    /** Options of a model or task kind: each key must be one of its options, each value of the option's type. */
    private static Map<String, Object> options(Fields f, JsonNode n, String path, String owner, List<OptionSpec> specs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n == null || !n.isObject()) {
            f.problem(path, "expects a mapping of options, got " + Fields.show(n));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            if (e.getKey().equals("lag")) continue; // reported by the caller
            OptionSpec spec = specs.stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
            if (spec == null) {
                f.problem(p, owner + " has no option '" + e.getKey() + "'; its options are " + specs.stream().map(OptionSpec::name).toList());
                continue;
            }
            Object raw = f.scalar(e.getValue(), p);
            if (raw == null) continue;
            try {
                out.put(spec.name(), spec.convert(raw));
            } catch (IllegalArgumentException ex) {
                f.problem(p, ex.getMessage());
            }
        }
        return out;
    }

    private static List<TrainingSettings> trainings(Fields f, JsonNode n) {
        TrainingSettings d = TrainingSettings.defaults();
        List<TrainingSettings> out = new ArrayList<>();
        if (n == null) {
            out.add(d);
        } else if (n.isArray()) {
            if (n.isEmpty()) f.problem("training", "expects a mapping or a non-empty list of mappings, got an empty list");
            for (int i = 0; i < n.size(); i++) add(f, out, d, trainingKeys(f, n.get(i), "training[" + i + "]", true), "training[" + i + "]");
        } else {
            add(f, out, d, trainingKeys(f, n, "training", true), "training");
        }
        return out;
    }

    private static void add(Fields f, List<TrainingSettings> out, TrainingSettings d, Map<String, Object> keys, String path) {
        try {
            out.add(d.with(keys));
        } catch (IllegalArgumentException e) {
            f.problem(path, e.getMessage());
        }
    }

    /** Training keys with their values converted; "label" only where a training axis is defined. */
    private static Map<String, Object> trainingKeys(Fields f, JsonNode n, String path, boolean labelAllowed) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> allowed = labelAllowed ? TrainingSettings.KEYS : TrainingSettings.KEYS.subList(1, TrainingSettings.KEYS.size());
        if (n != null && n.isObject() && n.has("threads")) {
            f.problem(path + ".threads", "threads are set by the runner (one per run when runs go in parallel; see --parallel), not by the suite");
        }
        if (!f.mapping(n, path, allowed)) return m;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "label": Fields.putIfValid(m, "label", f.text(v, p)); break;
                case "steps": Fields.putIfValid(m, "steps", f.integer(v, p, 1)); break;
                case "batch": Fields.putIfValid(m, "batch", f.integer(v, p, 1)); break;
                case "truncation": Fields.putIfValid(m, "truncation", f.integer(v, p, 0)); break;
                case "lr": Fields.putIfValid(m, "lr", f.number(v, p, 0, true)); break;
                case "final-lr": Fields.putIfValid(m, "final-lr", f.number(v, p, 0, false)); break;
                case "clip": Fields.putIfValid(m, "clip", f.number(v, p, 0, false)); break;
                case "optimizer": {
                    String s = f.text(v, p);
                    if (s != null && !List.of("adam", "rmsprop", "sgd").contains(s)) f.problem(p, "expects adam, rmsprop or sgd, got '" + s + "'");
                    else Fields.putIfValid(m, "optimizer", s);
                    break;
                }
                default: break; // reported by mapping()
            }
        }
        return m;
    }

    private static Map<String, Object> evaluation(Fields f, JsonNode n, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!f.mapping(n, path, EVALUATION_KEYS)) return m;
        if (n.has("every")) Fields.putIfValid(m, "every", f.integer(n.get("every"), path + ".every", 0));
        if (n.has("validation-samples")) Fields.putIfValid(m, "validation-samples", f.integer(n.get("validation-samples"), path + ".validation-samples", 1));
        if (n.has("test-samples")) Fields.putIfValid(m, "test-samples", f.integer(n.get("test-samples"), path + ".test-samples", 1));
        if (n.has("stop-when-solved")) Fields.putIfValid(m, "stop-when-solved", f.bool(n.get("stop-when-solved"), path + ".stop-when-solved"));
        return m;
    }

    private static GradientNormSettings gradientNorms(Fields f, JsonNode n) {
        GradientNormSettings d = GradientNormSettings.defaults();
        if (n == null) return d;
        if (!f.mapping(n, "gradient-norms", GradientNormSettings.KEYS)) return d;
        Integer samples = n.has("samples") ? f.integer(n.get("samples"), "gradient-norms.samples", 0) : Integer.valueOf(d.samples());
        Integer points = n.has("points") ? f.integer(n.get("points"), "gradient-norms.points", 2) : Integer.valueOf(d.points());
        if (points != null && points < 2) {
            f.problem("gradient-norms.points", "expects an integer >= 2, got " + points);
            points = null;
        }
        String precision = n.has("precision") ? f.text(n.get("precision"), "gradient-norms.precision") : d.precision();
        if (precision != null && !List.of("float32", "float64").contains(precision)) {
            f.problem("gradient-norms.precision", "expects float32 or float64, got '" + precision + "'");
            precision = null;
        }
        if (samples == null || points == null || precision == null) return d;
        return new GradientNormSettings(samples, points, precision);
    }

    /** The path of a task entry in the file ("tasks[2]"), found by its label. */
    private static String taskPath(JsonNode root, TaskEntry t) {
        JsonNode list = root.get("tasks");
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode e = list.get(i);
            String label = e.isObject() ? (e.has("label") ? e.get("label").asText() : e.path("kind").asText()) : e.asText();
            if (label.equals(t.label())) return "tasks[" + i + "]";
        }
        return "tasks";
    }

    private Map<String, Budget> budgets(Fields f, JsonNode n, List<ModelEntry> models, List<TaskEntry> tasks) {
        Map<String, Budget> out = new LinkedHashMap<>();
        out.put("quick", Budget.quick());
        out.put("paper", Budget.paper());
        if (n == null) return out;
        if (n.isNull() || !n.isObject()) {
            f.problem("budgets", "expects a mapping of budget names to settings, got " + Fields.show(n));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "budgets." + e.getKey();
            JsonNode b = e.getValue();
            if (!f.mapping(b, path, Budget.KEYS)) continue;
            String description = b.has("description") ? f.text(b.get("description"), path + ".description") : "";
            Map<String, Object> training = b.has("training") ? trainingKeys(f, b.get("training"), path + ".training", false) : Map.of();
            Map<String, Object> evaluation = b.has("evaluation") ? evaluation(f, b.get("evaluation"), path + ".evaluation") : Map.of();
            Map<String, Object> modelOptions = new LinkedHashMap<>();
            if (b.has("model-options")) {
                JsonNode mo = b.get("model-options");
                if (mo == null || !mo.isObject()) f.problem(path + ".model-options", "expects a mapping of model options, got " + Fields.show(mo));
                else mo.fields().forEachRemaining(o -> Fields.putIfValid(modelOptions, o.getKey(), f.scalar(o.getValue(), path + ".model-options." + o.getKey())));
            }
            List<Long> seeds = b.has("seeds") ? f.list(b.get("seeds"), path + ".seeds", (v, p) -> f.longValue(v, p, Long.MIN_VALUE)) : List.of();
            List<Integer> lags = b.has("lags") ? f.list(b.get("lags"), path + ".lags", (v, p) -> f.integer(v, p, 1)) : List.of();
            Map<String, Budget.ModelKeys> forModels = new LinkedHashMap<>();
            if (b.has("models")) {
                JsonNode ms = b.get("models");
                if (ms == null || !ms.isObject()) f.problem(path + ".models", "expects a mapping of model labels to keys (options, training), got " + Fields.show(ms));
                else ms.fields().forEachRemaining(x -> {
                    String p = path + ".models." + x.getKey();
                    ModelEntry m = models.stream().filter(y -> y != null && y.label().equals(x.getKey())).findFirst().orElse(null);
                    if (m == null) {
                        f.problem(p, "no model labelled '" + x.getKey() + "' in the suite; its models: "
                                + models.stream().filter(y -> y != null).map(ModelEntry::label).toList());
                        return;
                    }
                    if (!f.mapping(x.getValue(), p, Budget.ModelKeys.KEYS)) return;
                    JsonNode v = x.getValue();
                    Map<String, Object> options = v.has("options")
                            ? options(f, v.get("options"), p + ".options", "model '" + m.kind() + "'", runner.models().options(m.kind())) : Map.of();
                    Map<String, Object> tr = v.has("training") ? trainingKeys(f, v.get("training"), p + ".training", false) : Map.of();
                    forModels.put(x.getKey(), new Budget.ModelKeys(options, tr));
                });
            }
            Map<String, Budget.TaskKeys> forTasks = new LinkedHashMap<>();
            if (b.has("tasks")) {
                JsonNode ts = b.get("tasks");
                if (ts == null || !ts.isObject()) f.problem(path + ".tasks", "expects a mapping of task labels to keys (options, lags, seeds, training, evaluation), got " + Fields.show(ts));
                else ts.fields().forEachRemaining(x -> {
                    String p = path + ".tasks." + x.getKey();
                    TaskEntry t = tasks.stream().filter(y -> y != null && y.label().equals(x.getKey())).findFirst().orElse(null);
                    if (t == null) {
                        f.problem(p, "no task labelled '" + x.getKey() + "' in the suite; its tasks: "
                                + tasks.stream().filter(y -> y != null).map(TaskEntry::label).toList());
                        return;
                    }
                    if (!f.mapping(x.getValue(), p, Budget.TaskKeys.KEYS)) return;
                    JsonNode v = x.getValue();
                    Map<String, Object> options = Map.of();
                    if (v.has("options")) {
                        List<OptionSpec> specs = new ArrayList<>(runner.tasks().options(t.kind()));
                        specs.removeIf(o -> o.name().equals("lag"));
                        if (v.get("options").has("lag")) f.problem(p + ".options.lag", "give lags in 'lags', not as the option 'lag'");
                        options = options(f, v.get("options"), p + ".options", "task '" + t.kind() + "'", specs);
                    }
                    List<Integer> tl = List.of();
                    if (v.has("lags")) {
                        if (!runner.tasks().kind(t.kind()).isMemoryTask()) f.problem(p + ".lags", "task kind '" + t.kind() + "' has no lag axis; remove 'lags'");
                        else tl = f.list(v.get("lags"), p + ".lags", (y, q) -> f.integer(y, q, 1));
                    }
                    List<Long> ts2 = v.has("seeds") ? f.list(v.get("seeds"), p + ".seeds", (y, q) -> f.longValue(y, q, Long.MIN_VALUE)) : List.of();
                    Map<String, Object> tr = v.has("training") ? trainingKeys(f, v.get("training"), p + ".training", false) : Map.of();
                    Map<String, Object> ev = v.has("evaluation") ? evaluation(f, v.get("evaluation"), p + ".evaluation") : Map.of();
                    forTasks.put(x.getKey(), new Budget.TaskKeys(options, tl, ts2, tr, ev));
                });
            }
            out.put(e.getKey(), new Budget(e.getKey(), description == null ? "" : description, training, evaluation, modelOptions, seeds, lags,
                    forModels, forTasks));
        }
        return out;
    }
}
