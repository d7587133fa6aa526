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
 */
public record Suite(String name, String description, Budget budget, List<ModelEntry> models, List<TaskEntry> tasks, List<Long> seeds,
                    List<TrainingSettings> trainings, EvaluationConfig evaluation, GradientNormSettings gradientNorms) {

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
        return new Suite(name, description, b, m, k, b.seeds().isEmpty() ? seeds : b.seeds(), trainings, evaluation(evaluation, b.evaluation()), gradientNorms);
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
     * finish close together).
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
            if (memory && t.lags().isEmpty()) {
                problems.add(where(t.origin()) + "task '" + t.label() + "' is a memory task and needs lags");
                continue;
            }
            if (!memory && !t.lags().isEmpty()) {
                problems.add(where(t.origin()) + "task '" + t.label() + "' (" + t.kind() + ") has no lag axis; remove its 'lags'");
                continue;
            }
            List<Integer> lags = memory ? t.lags() : List.of(0);
            EvaluationConfig taskEvaluation;
            try {
                taskEvaluation = evaluation(evaluation, t.evaluation());
            } catch (RuntimeException e) {
                problems.add(where(t.origin()) + "task '" + t.label() + "' evaluation: " + e.getMessage());
                continue;
            }
            List<Long> taskSeeds = t.seeds().isEmpty() ? seeds : t.seeds();
            for (int lag : lags) {
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
            }
        }
        if (!problems.isEmpty()) throw new SuiteException(problems);
        runs.sort(Comparator.comparingDouble(SuiteRun::cost).reversed());
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
