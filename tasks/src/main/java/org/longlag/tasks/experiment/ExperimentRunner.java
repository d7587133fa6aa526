package org.longlag.tasks.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.tensor.BlasLibrary;
import org.longlag.models.tensor.Simd;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingDivergedException;
import org.longlag.models.train.TrainingListener;
import org.longlag.models.train.TrainingResult;
import org.longlag.models.train.TrainingState;
import org.longlag.tasks.Evaluation;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.registry.TaskCatalog;
import org.longlag.tasks.registry.TaskKind;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Runs an {@link Experiment}: builds task and model from the catalogs, trains with periodic
 * validation (stopping early once solved, if asked), scores on a held-out test set, and returns
 * the result with its resolved configuration. A run that diverges (NaN/Inf) is reported with the
 * message and scored with the last good parameters.
 */
public final class ExperimentRunner {

    private final ModelCatalog models;
    private final TaskCatalog tasks;

    public ExperimentRunner(ModelCatalog models, TaskCatalog tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    public static ExperimentRunner discover() {
        return new ExperimentRunner(ModelCatalog.discover(), TaskCatalog.discover());
    }

    public ModelCatalog models() {
        return models;
    }

    public TaskCatalog tasks() {
        return tasks;
    }

    /**
     * Builds the task and model and checks every option, without training (fails fast on a bad
     * value): each value, options that would be ignored (a lag for a task without one, see
     * {@link org.longlag.tasks.registry.TaskKind#checkGiven}), and whether the run fits in this
     * JVM's heap ({@link ResourceEstimate}).
     */
    public Prepared prepare(Experiment e) {
        Settings taskSettings = taskSettings(e);
        Task task = tasks.build(e.task(), taskSettings);
        Settings modelSettings = models.settings(e.model(), e.modelOptions());
        ModelSpec spec = task.adapt(models.build(e.model(), task.shape(), modelSettings));
        return checked(e, new Prepared(task, taskSettings, spec, modelSettings));
    }

    /**
     * The task's settings, after refusing given options it would not use. An option counts as
     * given when its value differs from the default: a suite's runs carry their resolved settings,
     * every option with its default filled in.
     */
    private Settings taskSettings(Experiment e) {
        TaskKind<?> kind = tasks.kind(e.task());
        Settings settings = tasks.settings(e.task(), e.taskOptions()); // each value checked first
        Set<String> given = new LinkedHashSet<>();
        for (OptionSpec o : tasks.options(e.task())) {
            if (e.taskOptions().containsKey(o.name()) && !Objects.equals(settings.get(o.name()), o.convert(o.defaultValue()))) given.add(o.name());
        }
        if (!kind.isMemoryTask() && given.contains(TaskCatalog.LAG)) {
            throw new IllegalArgumentException("task '" + e.task() + "' has no lag axis: --lag (" + e.taskOptions().get(TaskCatalog.LAG)
                    + ") would not be used" + (kind.options().stream().anyMatch(o -> o.name().equals("seq-length")) ? "; its window length is --seq-length" : ""));
        }
        kind.checkGiven(given);
        return settings;
    }

    /** Refuses a prepared run that does not fit in this JVM's heap (see {@link ResourceEstimate}). */
    private static Prepared checked(Experiment e, Prepared p) {
        ResourceEstimate.of(e, p).check(Runtime.getRuntime().maxMemory());
        return p;
    }

    /**
     * As {@link #prepare(Experiment)} for a model that no kind builds (one read from a file): builds
     * the task and checks that the model fits it; {@code description} stands for the model's settings
     * in the result. The experiment's model name and options are not used.
     */
    public Prepared prepare(Experiment e, ModelSpec spec, Map<String, Object> description) {
        Settings taskSettings = taskSettings(e);
        Task task = tasks.build(e.task(), taskSettings);
        TaskShape shape = task.shape();
        if (spec.inputSize() != shape.inputSize() || spec.outputSize() != shape.outputSize()) {
            throw new IllegalArgumentException("the given model takes " + spec.inputSize() + " inputs and gives " + spec.outputSize() + " outputs; task '"
                    + e.task() + "' has " + shape.inputSize() + " and " + shape.outputSize());
        }
        return checked(e, new Prepared(task, taskSettings, spec, Settings.of(description)));
    }

    /** A run's task and model spec, built and validated. */
    public record Prepared(Task task, Settings taskSettings, ModelSpec spec, Settings modelSettings) {
    }

    /** What training did. */
    public record Trained(TrainingResult result, TrainingState reached, String diverged) {
    }

    /** The model a run starts from: its spec, initialized from the run's model seed. */
    public SequenceModel newModel(Experiment e, Prepared p) {
        return SequenceModel.create(p.spec(), e.seeds().model());
    }

    public ExperimentResult run(Experiment e, Path modelFile, TrainingListener... extra) {
        return run(e, prepare(e), modelFile, extra);
    }

    /** Runs an experiment whose task and model were already built by {@link #prepare} (for callers that keep the task). */
    public ExperimentResult run(Experiment e, Prepared p, Path modelFile, TrainingListener... extra) {
        return run(e, p, modelFile, null, extra);
    }

    /**
     * As {@link #run(Experiment, Prepared, Path, TrainingListener...)}, and the task's final test
     * writes its artifacts (e.g. a reconstruction's generated and true trajectories) into
     * {@code artifactDir} (created when the first is written; null for none); the result lists them.
     */
    public ExperimentResult run(Experiment e, Prepared p, Path modelFile, Path artifactDir, TrainingListener... extra) {
        return execute(e, p, null, modelFile, artifactDir, extra);
    }

    /**
     * Goes on with a saved run (see {@link Resume#read}) up to {@code e.training().steps()} updates
     * in all; {@code e} is normally the saved run's experiment with more steps (another task on the
     * same shapes is allowed: a curriculum), and its model must be the saved one. The run gets
     * the validation and test data of e's seed, the optimizer's state when the saved run has it, a
     * batch stream of its own (see {@link Trainer#fit(org.longlag.models.train.BatchSource,
     * org.longlag.models.forcing.ForcingSession, List, TrainingState)}). The result names the point it
     * resumed from; its history holds the new validations.
     */
    public ExperimentResult resume(Experiment e, Prepared p, Resume from, Path modelFile, Path artifactDir, TrainingListener... extra) {
        if (!from.model().spec().equals(p.spec())) {
            throw new IllegalArgumentException("the saved model in " + from.directory() + " is not the model its result.json configures");
        }
        return execute(e, p, from, modelFile, artifactDir, extra);
    }

    /**
     * Trains {@code model} on the task's training batches with the experiment's training config
     * (seeded by the experiment), from {@code from}, with these listeners and nothing else: no
     * validation, no test (what {@link #run} adds). A run that diverges (NaN/Inf) stops there and
     * says so; the model keeps its last good parameters.
     */
    public Trained train(Experiment e, Prepared p, SequenceModel model, TrainingState from, List<TrainingListener> listeners) {
        long clock = System.nanoTime();
        try (Trainer trainer = new Trainer(model, e.training())) {
            TrainingResult tr = null;
            String diverged = "";
            try {
                BatchSource source = p.task().trainingBatches();
                tr = trainer.fit(source, source.forcing().start(), listeners, from);
            } catch (TrainingDivergedException ex) {
                diverged = ex.getMessage();
            }
            TrainingState reached = trainer.state();
            if (tr == null) tr = new TrainingResult(reached.step(), reached.sequences(), (System.nanoTime() - clock) / 1e9, Double.NaN, "diverged");
            return new Trained(tr, reached, diverged);
        }
    }

    private ExperimentResult execute(Experiment e, Prepared p, Resume from, Path modelFile, Path artifactDir, TrainingListener... extra) {
        Experiment.Seeds seeds = e.seeds();
        SequenceModel model = from == null ? newModel(e, p) : from.model();
        TrainingState start = from == null ? TrainingState.START : from.state();
        TrainingConfig training = e.training();
        DataSet validation = p.task().next(e.evaluation().validationSamples(), new SplittableRandom(seeds.validation()));

        List<EvaluationPoint> history = new ArrayList<>();
        int[] firstSolved = {-1};
        TrainingListener validator = new TrainingListener() {
            @Override
            public void onStep(SequenceModel m, StepReport r, TrainingControl control) {
                int every = e.evaluation().every();
                boolean due = (every > 0 && r.step() % every == 0) || r.step() == training.steps();
                if (!due) return;
                TaskScore s = p.task().evaluate(m, validation);
                EvaluationPoint point = new EvaluationPoint(r.step(), r.sequences(), r.elapsedSeconds(), r.loss(), s.metrics(), s.solved());
                history.add(point);
                for (TrainingListener l : extra) if (l instanceof ValidationListener) ((ValidationListener) l).onValidation(point);
                if (s.solved() && firstSolved[0] < 0) firstSolved[0] = r.step();
                if (s.solved() && e.evaluation().stopWhenSolved()) control.stop(ExperimentResult.solvedAt(r.step()));
            }
        };
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(validator);
        listeners.addAll(List.of(extra));
        Trained trained = train(e, p, model, start, listeners);
        TrainingResult tr = trained.result();
        if (modelFile != null) { // before the test: a test that fails (or runs out of memory) keeps the trained model
            try {
                Resume.saveModel(modelFile, model, trained.reached());
            } catch (IOException ex) {
                throw new UncheckedIOException("could not write the model file " + modelFile + " or its training state", ex);
            }
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        TaskScore test;
        try {
            test = p.task().test(model, e.evaluation().testSamples(), seeds.test(), artifactDir == null ? null : (name, fileName) -> {
                Path f = artifactDir.resolve(fileName);
                java.nio.file.Files.createDirectories(artifactDir);
                artifacts.put(name, fileName);
                return f;
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write the test's artifacts into " + artifactDir + ": " + ex.getMessage(), ex);
        }
        Map<String, TaskScore> generalization = new LinkedHashMap<>();
        for (Map.Entry<String, Task> g : p.task().generalizationTasks().entrySet()) {
            generalization.put(g.getKey(), Evaluation.evaluate(model, g.getValue(), e.evaluation().testSamples(), seeds.test()));
        }
        return new ExperimentResult(e, p.modelSettings().asMap(), p.taskSettings().asMap(), p.spec(), model.parameterCount(),
                seeds.training(), seeds.model(), tr.steps(), tr.sequences(), tr.seconds(), tr.stopReason(), test, generalization,
                firstSolved[0], history, environment(training), trained.diverged(), artifacts,
                from == null ? null : new ResumedFrom(from.directory().toString(), start.step(), start.sequences(), !start.hasOptimizerState()));
    }

    static Map<String, String> environment(TrainingConfig training) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("threads", Integer.toString(training.threads()));
        env.put("blas", BlasLibrary.path());
        env.put("simd", Simd.describe());
        Package pkg = ExperimentRunner.class.getPackage();
        env.put("longlag", pkg.getImplementationVersion() == null ? "dev" : pkg.getImplementationVersion());
        return env;
    }
}
