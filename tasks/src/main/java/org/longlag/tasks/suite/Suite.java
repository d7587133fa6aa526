package org.longlag.tasks.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.registry.TaskKind;

/**
 * A grid of experiments: models x tasks x lags (memory tasks) x training settings x seeds, with
 * shared evaluation and gradient-norm settings; a task may run on a subset of the models, with its
 * own seeds and its own training and evaluation keys. {@link #expand} validates every run by building
 * its task and model ({@link ExperimentRunner#prepare}) before anything is trained.
 *
 * @param name          short name (names the default output directory)
 * @param description   what the suite is for, in words ("" if not given)
 * @param budget        the budget the suite was resolved with (already applied to the settings below)
 * @param models        the models (labels unique)
 * @param tasks         the tasks (labels unique); memory tasks carry their lags
 * @param seeds         run seeds
 * @param trainings     training settings (labels unique when more than one)
 * @param evaluation    validation and test settings
 * @param gradientNorms gradient norm vs lag settings
 * @param checkpointEvery every how many updates each run saves itself into the store's artifacts (0: never), so
 *                      that a run started again after a kill or the loss of its worker goes on from there; not
 *                      part of a run's key
 */
public record Suite(String name, String description, Budget budget, List<ModelEntry> models, List<TaskEntry> tasks, List<Long> seeds,
                    List<TrainingSettings> trainings, EvaluationConfig evaluation, GradientNormSettings gradientNorms, int checkpointEvery) {

    public Suite {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) throw new IllegalArgumentException("suite name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        description = description == null ? "" : description;
        if (budget == null) budget = Budget.quick();
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        seeds = List.copyOf(seeds);
        trainings = List.copyOf(trainings);
        if (models.isEmpty()) throw new IllegalArgumentException("a suite needs at least one model");
        if (tasks.isEmpty()) throw new IllegalArgumentException("a suite needs at least one task");
        if (seeds.isEmpty()) throw new IllegalArgumentException("a suite needs at least one seed");
        if (trainings.isEmpty()) throw new IllegalArgumentException("a suite needs at least one training setting");
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint-every must be 0 (never) or positive, got " + checkpointEvery);
        unique("model", models.stream().map(ModelEntry::label).toList());
        unique("task", tasks.stream().map(TaskEntry::label).toList());
        unique("seed", seeds.stream().map(String::valueOf).toList());
        if (trainings.size() > 1) unique("training", trainings.stream().map(TrainingSettings::label).toList());
        List<String> labels = models.stream().map(ModelEntry::label).toList();
        for (TaskEntry t : tasks) {
            for (String l : t.models()) {
                if (!labels.contains(l)) throw new IllegalArgumentException("task '" + t.label() + "' lists the model '" + l + "', which the suite does not have; its models: " + labels);
            }
        }
    }

    /** A suite whose runs do not checkpoint themselves. */
    public Suite(String name, String description, Budget budget, List<ModelEntry> models, List<TaskEntry> tasks, List<Long> seeds,
                 List<TrainingSettings> trainings, EvaluationConfig evaluation, GradientNormSettings gradientNorms) {
        this(name, description, budget, models, tasks, seeds, trainings, evaluation, gradientNorms, 0);
    }

    /** This suite with its runs saving themselves every {@code every} updates (0: never). */
    public Suite withCheckpointEvery(int every) {
        return new Suite(name, description, budget, models, tasks, seeds, trainings, evaluation, gradientNorms, every);
    }

    /**
     * This suite with a budget's overrides applied. Its training keys win over every training
     * setting, every model's and every task's own keys (applied per run by {@link #expand}); its
     * model options are set on every model whose kind has them; its evaluation keys, seeds and lags
     * (of memory tasks) replace the suite's and the tasks' own; and its keys for single models and
     * tasks (by label) win over its general ones.
     */
    public Suite withBudget(Budget b, ExperimentRunner runner) {
        List<String> modelLabels = models.stream().map(ModelEntry::label).toList(), taskLabels = tasks.stream().map(TaskEntry::label).toList();
        for (String l : b.models().keySet()) {
            if (!modelLabels.contains(l)) throw new SuiteException("budget '" + b.name() + "': no model labelled '" + l + "'; models: " + modelLabels);
        }
        for (String l : b.tasks().keySet()) {
            if (!taskLabels.contains(l)) throw new SuiteException("budget '" + b.name() + "': no task labelled '" + l + "'; tasks: " + taskLabels);
        }
        List<ModelEntry> m = new ArrayList<>();
        boolean used = b.modelOptions().isEmpty();
        for (ModelEntry e : models) {
            Map<String, Object> options = new LinkedHashMap<>(e.options());
            for (org.longlag.models.registry.OptionSpec o : runner.models().options(e.kind())) {
                if (b.modelOptions().containsKey(o.name())) {
                    options.put(o.name(), o.convert(b.modelOptions().get(o.name())));
                    used = true;
                }
            }
            options.putAll(b.model(e.label()).options());
            m.add(e.withOptions(options));
        }
        if (!used) throw new SuiteException("budget '" + b.name() + "': no model in the suite has any of the options " + b.modelOptions().keySet());
        List<TaskEntry> k = new ArrayList<>();
        for (TaskEntry e : tasks) {
            Budget.TaskKeys own = b.task(e.label());
            Map<String, Object> options = new LinkedHashMap<>(e.options());
            options.putAll(own.options());
            TaskEntry t = e.withOptions(options);
            if (!own.lags().isEmpty()) t = t.withLags(own.lags());
            else if (!b.lags().isEmpty() && !e.lags().isEmpty()) t = t.withLags(b.lags());
            if (!own.seeds().isEmpty()) t = t.withSeeds(own.seeds());
            else if (!b.seeds().isEmpty() && !e.seeds().isEmpty()) t = t.withSeeds(b.seeds());
            Map<String, Object> ev = new LinkedHashMap<>(e.evaluation());
            ev.putAll(b.evaluation());
            ev.putAll(own.evaluation());
            k.add(t.withEvaluation(ev));
        }
        return new Suite(name, description, b, m, k, b.seeds().isEmpty() ? seeds : b.seeds(), trainings, evaluation(evaluation, b.evaluation()), gradientNorms,
                checkpointEvery);
    }

    /**
     * The training of one model on one task: the training setting, then the model's own keys, the
     * task's own keys, the budget's keys, and the budget's keys for this model and for this task,
     * each winning over the ones before.
     */
    public TrainingSettings training(TrainingSettings base, ModelEntry m, TaskEntry t) {
        return base.with(m.training()).with(t.training()).with(budget.training()).with(budget.model(m.label()).training())
                .with(budget.task(t.label()).training());
    }

    /** {@code base} with the keys every, validation-samples, test-samples and stop-when-solved replaced by those in {@code overrides}. */
    public static EvaluationConfig evaluation(EvaluationConfig base, Map<String, Object> overrides) {
        return new EvaluationConfig(
                ((Number) overrides.getOrDefault("every", base.every())).intValue(),
                ((Number) overrides.getOrDefault("validation-samples", base.validationSamples())).intValue(),
                ((Number) overrides.getOrDefault("test-samples", base.testSamples())).intValue(),
                (Boolean) overrides.getOrDefault("stop-when-solved", base.stopWhenSolved()));
    }

    private static void unique(String what, List<String> labels) {
        Set<String> seen = new HashSet<>();
        for (String l : labels) {
            if (what.equals("training") && l.isEmpty()) throw new IllegalArgumentException("with several training settings each needs a 'label'");
            if (!seen.add(l)) throw new IllegalArgumentException("two " + what + "s are labelled '" + l + "'; give each a distinct 'label'");
        }
    }

    /**
     * Every run of the grid, resolved and validated, most expensive first (so that parallel runs
     * finish close together). A task whose lags are searched ({@link TaskEntry#search}) adds no run
     * here: its model and options are validated at the search's first and last lag, and its runs
     * come from {@link #probe} as the search goes.
     *
     * @throws SuiteException listing every model/task/lag combination that cannot be built
     */
    public List<SuiteRun> expand(ExperimentRunner runner) {
        List<String> problems = new ArrayList<>();
        List<SuiteRun> runs = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (TaskEntry t : tasks) {
            TaskKind kind;
            try {
                kind = runner.tasks().kind(t.kind());
            } catch (IllegalArgumentException e) {
                problems.add(where(t.origin()) + "tasks: " + e.getMessage());
                continue;
            }
            boolean memory = kind.isMemoryTask();
            if (memory && t.lags().isEmpty() && t.search() == null) {
                problems.add(where(t.origin()) + "task '" + t.label() + "' is a memory task and needs lags");
                continue;
            }
            if (!memory && (!t.lags().isEmpty() || t.search() != null)) {
                problems.add(where(t.origin()) + "task '" + t.label() + "' (" + t.kind() + ") has no lag axis; remove its 'lags'");
                continue;
            }
            if (t.search() != null) {
                if (trainings.size() > 1) {
                    problems.add(where(t.origin()) + "task '" + t.label() + "': a lag search runs one training setting, the suite has " + trainings.size());
                    continue;
                }
                for (int lag : List.of(t.search().from(), t.search().to())) runs(runner, t, memory, lag, t.search().seedList(), problems, new HashMap<>());
                continue;
            }
            for (int lag : memory ? t.lags() : List.of(0)) {
                runs.addAll(runs(runner, t, memory, lag, t.seeds().isEmpty() ? seeds : t.seeds(), problems, keys));
            }
        }
        if (!problems.isEmpty()) throw new SuiteException(problems);
        runs.sort(Comparator.comparingDouble(SuiteRun::cost).reversed());
        return runs;
    }

    /** One memory length search of the suite: a model on a task whose lags are searched. */
    public record Search(ModelEntry model, TaskEntry task) {
        public LagSearch search() {
            return task.search();
        }

        /** e.g. "lstm/addition". */
        public String id() {
            return model.label() + "/" + task.label();
        }
    }

    /** Every (model, task) pair whose memory length is searched, in the order of the suite. */
    public List<Search> searches() {
        List<Search> out = new ArrayList<>();
        for (TaskEntry t : tasks) {
            if (t.search() == null) continue;
            for (ModelEntry m : models) if (t.runs(m.label())) out.add(new Search(m, t));
        }
        return out;
    }

    /** The runs of one probe of a search: its model on its task at {@code lag}, one per seed of the search and training setting. */
    public List<SuiteRun> probe(ExperimentRunner runner, Search s, int lag) {
        List<String> problems = new ArrayList<>();
        List<SuiteRun> out = new ArrayList<>();
        for (SuiteRun r : runs(runner, s.task(), true, lag, s.search().seedList(), problems, new HashMap<>())) {
            if (r.modelLabel().equals(s.model().label())) out.add(r);
        }
        if (!problems.isEmpty()) throw new SuiteException(problems);
        return out;
    }

    /** The runs of task {@code t} at one lag (0 for a task without a lag axis) on each of its models, training settings and {@code taskSeeds}. */
    private List<SuiteRun> runs(ExperimentRunner runner, TaskEntry t, boolean memory, int lag, List<Long> taskSeeds, List<String> problems,
                                Map<String, String> keys) {
        List<SuiteRun> runs = new ArrayList<>();
        EvaluationConfig taskEvaluation;
        try {
            taskEvaluation = evaluation(evaluation, t.evaluation());
        } catch (RuntimeException e) {
            problems.add(where(t.origin()) + "task '" + t.label() + "' evaluation: " + e.getMessage());
            return runs;
        }
        Map<String, Object> taskOptions = new LinkedHashMap<>(t.options());
        if (memory) taskOptions.put("lag", lag);
        for (ModelEntry m : models) {
            if (!t.runs(m.label())) continue;
            Settings modelSettings, taskSettings;
            ExperimentRunner.Prepared prepared;
            try {
                prepared = runner.prepare(new Experiment(m.kind(), m.options(), t.kind(), taskOptions,
                        TrainingSettings.defaults().toConfig(1), taskEvaluation, 0));
                modelSettings = prepared.modelSettings();
                taskSettings = prepared.taskSettings();
            } catch (RuntimeException e) {
                problems.add(where(m.origin().isEmpty() ? t.origin() : m.origin()) + "model '" + m.label() + "' on task '" + t.label() + "'"
                        + (memory ? " at lag " + lag : "") + ": " + e.getMessage());
                continue;
            }
            for (TrainingSettings base : trainings) {
                TrainingSettings training;
                try {
                    training = training(base, m, t);
                } catch (RuntimeException e) {
                    problems.add(where(m.origin()) + "model '" + m.label() + "' on task '" + t.label() + "', training: " + e.getMessage());
                    continue;
                }
                for (long seed : taskSeeds) {
                    SuiteRun run = run(m, t, memory, lag, modelSettings, taskSettings, training, taskEvaluation, seed, prepared);
                    String clash = keys.putIfAbsent(run.key(), run.id());
                    if (clash != null) problems.add("runs " + clash + " and " + run.id() + " are the same run (same resolved configuration); drop one");
                    else runs.add(run);
                }
            }
        }
        return runs;
    }

    private SuiteRun run(ModelEntry m, TaskEntry t, boolean memory, int lag, Settings modelSettings, Settings taskSettings,
                         TrainingSettings training, EvaluationConfig evaluation, long seed, ExperimentRunner.Prepared prepared) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("format", 1);
        resolved.put("model", m.kind());
        resolved.put("model-options", modelSettings.asMap());
        resolved.put("task", t.kind());
        resolved.put("task-options", taskSettings.asMap());
        resolved.put("training", training.asMap());
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("every", evaluation.every());
        ev.put("validation-samples", evaluation.validationSamples());
        ev.put("test-samples", evaluation.testSamples());
        ev.put("stop-when-solved", evaluation.stopWhenSolved());
        resolved.put("evaluation", ev);
        resolved.put("gradient-norms", memory ? gradientNorms.asMap() : Map.of());
        resolved.put("seed", seed);
        Experiment e = new Experiment(m.kind(), modelSettings.asMap(), t.kind(), taskSettings.asMap(), training.toConfig(1), evaluation, seed);
        int hidden = modelSettings.asMap().containsKey("hidden") ? modelSettings.getInt("hidden") : 64;
        int length = Math.max(1, prepared.task().shape().maxLag());
        double cost = (double) training.steps() * training.batch() * length * (hidden * (double) hidden + 1000);
        return new SuiteRun(RunKey.of(resolved), m.label(), t.label(), training.label(), memory, memory ? lag : 0, e,
                gradientNorms, resolved, cost);
    }

    private static String where(String origin) {
        return origin.isEmpty() ? "" : origin + ": ";
    }
}
