package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.tensor.Precision;
import org.longlag.models.diagnostics.GradientProbe;
import org.longlag.models.diagnostics.StabilityListener;
import org.longlag.models.diagnostics.StabilityProbe;
import org.longlag.models.diagnostics.StabilitySnapshot;
import org.longlag.models.forcing.AlphaMethod;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.forcing.GeneralizedForcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.train.TrainingState;
import org.longlag.tasks.Task;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.experiment.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code longlag stability}: gradient-stability diagnostics of one model on one task, at
 * initialization and at checkpoints during training.
 */
@Command(name = "stability", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "org.longlag.examples.cli.StabilityCommand",
        description = {"Measure how gradients grow or vanish with lag: per-lag gradient norms ||dL/dz_{T-k}||, Jacobian products",
                "dz_T/dz_{T-k} and their spectra, and the maximal Lyapunov exponent of the zero-input dynamics, at initialization",
                "and at training checkpoints. Prints one line per checkpoint with the fitted rate b of log ||dL/dz_{T-k}|| = a + b k",
                "and exp(b). Writes DIR/gradient_norms.csv, summary.csv, jacobian_windows.csv, gradient_norms.png and config.json.",
                "On the reconstruction task (--task dsr) the gradients flow through its teacher forcing: compare --forcing free",
                "(the window starts on the data, then runs freely) with --forcing sparse --tau N on a trained model (--load FILE)."})
final class StabilityCommand implements Callable<Integer>, CatalogOptions.Target {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "model kind: lstm, elman, rplrnn, shplrnn, ... (or --load)")
    String model;

    @Option(names = "--load", paramLabel = "FILE", description = {"a saved model to measure (and with --steps train further) instead of a new",
            "--model: model.longlag from train, dsr, or a suite run with --save-models"})
    Path load;

    @Option(names = "--task", required = true, description = "task kind: addition, multiplication, dsr, ...")
    String task;

    @Option(names = "--lag", description = {"time lag T (default ${DEFAULT-VALUE}); for dsr the window length (--seq-length),",
            "the lags counted back from its last step"}, defaultValue = "100")
    int lag;

    @Mixin
    TrainingOptions training = new TrainingOptions().steps(0);

    @Option(names = "--checkpoints", split = ",", paramLabel = "STEP[,STEP...]",
            description = "training steps to measure at, 0 = initialization (default: 0 and quarters of --steps)")
    int[] checkpoints;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--probe-batches", description = "probe batches the gradient norms are averaged over (default ${DEFAULT-VALUE})", defaultValue = "4")
    int probeBatches;

    @Option(names = "--probe-size", description = "sequences per probe batch (default ${DEFAULT-VALUE})", defaultValue = "16")
    int probeSize;

    @Option(names = "--diagnostic-precision", description = "float64 or float32: arithmetic of the diagnostics (default ${DEFAULT-VALUE})", defaultValue = "float64")
    String diagnosticPrecision;

    @Option(names = "--fit-from", description = "first lag of the rate fit (default ${DEFAULT-VALUE})", defaultValue = "1")
    int fitFrom;

    @Option(names = "--fit-to", description = "last lag of the rate fit, 0 for the last lag (default ${DEFAULT-VALUE})", defaultValue = "0")
    int fitTo;

    @Option(names = "--windows", split = ",", paramLabel = "K[,K...]", description = "window lengths of Jacobian product spectra (default 10,50)")
    int[] windows = {10, 50};

    @Option(names = "--singular-values", description = "leading singular values per window (default ${DEFAULT-VALUE})", defaultValue = "3")
    int singularValues;

    @Option(names = "--norm-stride", description = "||dz_T/dz_{T-k}|| every this many lags (one SVD each); 0 skips Jacobians and Lyapunov (default ${DEFAULT-VALUE})",
            defaultValue = "1")
    int normStride;

    @Option(names = "--lyapunov-steps", description = "iterations averaged for lambda_max, 0 to skip (default ${DEFAULT-VALUE})", defaultValue = "1000")
    int lyapunovSteps;

    @Option(names = "--lyapunov-transient", description = "iterations before averaging starts (default ${DEFAULT-VALUE})", defaultValue = "200")
    int lyapunovTransient;

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/stability")
    Path out;

    @Mixin
    Force force = new Force();

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        if ((model == null) == (load == null)) throw new Longlag.UsageException("give a model kind (--model KIND) or a saved model (--load FILE), one of them");
        if (!runner.tasks().names().contains(task)) {
            throw new Longlag.UsageException("unknown task '" + task + "'; known tasks: " + String.join(", ", runner.tasks().names()));
        }
        boolean memory = runner.tasks().kind(task).isMemoryTask();
        List<OptionSpec> taskKindOptions = runner.tasks().options(task);
        if (load != null) {
            for (String name : CatalogOptions.givenAll(spec).keySet()) {
                if (taskKindOptions.stream().noneMatch(x -> x.name().equals(name))) {
                    throw new Longlag.UsageException("option --" + name + " does not apply with --load " + load + " (the saved model fixes its own options)"
                            + " nor to task '" + task + "'");
                }
            }
        }
        CatalogOptions.Split given = CatalogOptions.given(spec, model != null ? model : load.toString(),
                model != null ? runner.models().options(model) : List.of(), task, taskKindOptions);
        Map<String, Object> taskOptions = new LinkedHashMap<>(given.task());
        boolean lagGiven = spec.commandLine().getParseResult().hasMatchedOption("--lag");
        if (memory) {
            taskOptions.put("lag", lag);
        } else if (taskKindOptions.stream().anyMatch(x -> x.name().equals("seq-length"))) { // reconstruction: the window is the lag axis
            if (lagGiven && taskOptions.containsKey("seq-length")) {
                throw new Longlag.UsageException("--lag and --seq-length both set the window of task '" + task + "': give one of them");
            }
            if (!taskOptions.containsKey("seq-length")) taskOptions.put("seq-length", lag);
        } else if (lagGiven) {
            throw new Longlag.UsageException("task '" + task + "' has no lag axis: --lag would not be used");
        }
        int steps = training.steps;
        if (steps < 0) throw new Longlag.UsageException("--steps must be >= 0, got " + steps);
        int[] at = checkpoints(steps);
        for (String[] c : new String[][] {{"--probe-batches", "" + probeBatches}, {"--probe-size", "" + probeSize}}) {
            if (Integer.parseInt(c[1]) < 1) throw new Longlag.UsageException(c[0] + " must be at least 1, got " + c[1]);
        }
        Experiment experiment = new Experiment(model != null ? model : "file", given.model(), task, taskOptions,
                training.config(run.threads(training.batch), Math.max(1, steps)), new EvaluationConfig(0, 1, 1, false), run.seed);
        ExperimentRunner.Prepared prepared;
        SequenceModel m;
        if (load == null) {
            prepared = runner.prepare(experiment);
            m = runner.newModel(experiment, prepared);
        } else {
            m = loaded();
            prepared = runner.prepare(experiment, m.spec(), Map.of("file", load.toAbsolutePath().toString()));
        }
        Task t = prepared.task();
        StabilityProbe probe = new StabilityProbe(new GradientProbe(probeBatches, probeSize, experiment.seeds().validation(), Precision.parse(diagnosticPrecision)),
                fitFrom, fitTo, windows, singularValues, normStride,
                lyapunovSteps == 0 || normStride == 0 ? null : new MapLyapunovOptions(lyapunovTransient, lyapunovSteps, 1, 1, 1.0));

        try (RunDirectory claimed = force.claim(out, load)) {
            return measure(runner, experiment, prepared, m, t, probe, memory, at, steps);
        }
    }

    private int measure(ExperimentRunner runner, Experiment experiment, ExperimentRunner.Prepared prepared, SequenceModel m, Task t,
                        StabilityProbe probe, boolean memory, int[] at, int steps) throws java.io.IOException {
        PrintWriter o = spec.commandLine().getOut();
        int shownLag = memory ? lag : t.shape().maxLag();
        String name = (model != null ? model : load.toString()) + " " + task + " T=" + shownLag + forcingLabel(t.forcing());
        List<StabilitySnapshot> snapshots = new ArrayList<>();
        String diverged = "";
        if (steps == 0) {
            snapshots.add(report(o, name, probe.measure(m, t, 0)));
        } else {
            StabilityListener listener = new StabilityListener(probe, t, at, s -> report(o, name, s));
            try (ProgressListener progress = new ProgressListener(name)) {
                diverged = runner.train(experiment, prepared, m, TrainingState.START, List.of(progress, listener)).diverged();
            }
            if (!diverged.isEmpty()) o.println(name + ": " + diverged + "; later checkpoints were not measured");
            snapshots.addAll(listener.snapshots());
        }
        writeConfig(experiment, prepared, m.spec(), probe, at, steps, diverged);
        StabilityFiles.write(out, snapshots);
        if (!snapshots.isEmpty()) GradientNormChart.write(out.resolve("gradient_norms.png"), name + ", " + m.spec().cell().getClass().getSimpleName(), snapshots);
        o.printf(Locale.ROOT, "wrote %s: gradient_norms.csv, summary.csv, jacobian_windows.csv, %sconfig.json%n", out,
                snapshots.isEmpty() ? "" : "gradient_norms.png, ");
        o.flush();
        return diverged.isEmpty() ? Longlag.OK : Longlag.STOPPED;
    }

    /** The model of --load, or a usage error naming the file. */
    private SequenceModel loaded() {
        try {
            return SequenceModel.load(load);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Longlag.UsageException("--load: no such file: " + load);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Longlag.UsageException("--load: could not read a model from " + load + ": " + e.getMessage());
        }
    }

    /** How the task's teacher forcing is named in the printed lines ("" for none, as on memory tasks). */
    static String forcingLabel(Forcing f) {
        if (f instanceof SparseForcing sf) {
            return sf.interval() == SparseForcing.startOnly().interval() ? ", free running from the data" : ", sparse forcing tau=" + sf.interval();
        }
        if (f instanceof GeneralizedForcing g) {
            return String.format(Locale.ROOT, ", generalized forcing alpha=%s%s", g.alpha(), g.method() == AlphaMethod.CONSTANT ? "" : " (its starting value)");
        }
        return "";
    }

    private static StabilitySnapshot report(PrintWriter o, String name, StabilitySnapshot s) {
        o.println(name + " " + s.summary());
        o.flush();
        return s;
    }

    /** The given checkpoints, checked against --steps; by default 0 and every quarter of --steps. */
    private int[] checkpoints(int steps) {
        TreeSet<Integer> set = new TreeSet<>();
        if (checkpoints == null) {
            set.add(0);
            for (int q = 1; q <= 4 && steps > 0; q++) set.add(Math.max(1, steps * q / 4));
        } else {
            for (int c : checkpoints) {
                if (c < 0 || c > steps) throw new Longlag.UsageException("--checkpoints must be within 0.." + steps + " (--steps), got " + c);
                set.add(c);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private void writeConfig(Experiment e, ExperimentRunner.Prepared p, ModelSpec modelSpec, StabilityProbe probe, int[] at, int steps,
                             String diverged) throws java.io.IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", "stability");
        config.put("model", e.model());
        config.put("modelSettings", p.modelSettings().asMap());
        config.put("modelSpec", modelSpec);
        config.put("task", e.task());
        config.put("taskSettings", p.taskSettings().asMap());
        config.put("seed", e.seed());
        config.put("steps", steps);
        config.put("training", steps == 0 ? null : e.training());
        config.put("checkpoints", at);
        config.put("probe", probe);
        config.put("diverged", diverged);
        JsonFiles.write(out.resolve("config.json"), config);
    }
}
