package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.EvaluationPoint;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.experiment.RunDirectory;
import org.longlag.tasks.dsr.ReconstructionTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code longlag dsr}: train a model to reconstruct a dynamical system, generate freely from it and
 * score the generated trajectory. The task options (--system, --csv, --forcing, --alpha, ...) are
 * those of the "dsr" task kind; the model options those of the chosen model kind.
 */
@Command(name = "dsr", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "org.longlag.examples.cli.DsrCommand",
        description = {"Dynamical-system reconstruction: train with teacher forcing on a built-in",
                "system (--system) or a CSV trajectory (--csv), run the model freely from the",
                "first held-out test point and compare its free run with the test trajectory",
                "(D_stsp, D_H, n-step prediction error). Writes DIR/result.json (metrics,",
                "resolved configuration), DIR/model.longlag, DIR/generated.csv (the free run",
                "after its transient) and DIR/truth.csv (the test data), both in data units.",
                "Evaluations during training (--eval-every) use the test data; they only",
                "report and select nothing."})
final class DsrCommand implements Callable<Integer>, CatalogOptions.Target {

    static final String TASK = "dsr";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model kind: shplrnn, plrnn, lstm, ... ('longlag models' lists them)")
    String model;

    /** The reference's training: windows of 16, no clipping, the learning rate decaying to 1e-6; evaluations only at the end. */
    @Mixin
    TrainingOptions training = new TrainingOptions().batch(16).clip(0).finalLr(1e-6);

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    EvaluationOptions.Every evalEvery = new EvaluationOptions.Every(0);

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/dsr")
    Path out;

    @Mixin
    Force force = new Force();

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ExperimentRunner runner = ExperimentRunner.discover();
        CatalogOptions.Split given = CatalogOptions.given(spec, model, runner.models().options(model), TASK, runner.tasks().options(TASK));
        EvaluationConfig evaluation = new EvaluationConfig(evalEvery.check().evalEvery, 1, 1, false); // the task evaluates on its test data
        Experiment experiment = new Experiment(model, given.model(), TASK, given.task(), training.config(run.threads(training.batch)), evaluation, run.seed);

        PrintWriter o = spec.commandLine().getOut();
        ExperimentRunner.Prepared prepared = runner.prepare(experiment); // every option checked before anything is trained
        ReconstructionTask task = (ReconstructionTask) prepared.task();
        Object csv = given.task().get("csv");
        try (RunDirectory claimed = force.claim(out, csv == null || csv.toString().isBlank() ? null : Path.of(csv.toString()))) {
            o.printf(Locale.ROOT, "longlag dsr: %s on %s (%d train / %d test rows), %s, %d parameters%n", model, task.data().source(),
                    task.data().train().length, task.data().test().length, task.reconstruction().forcing(),
                    SequenceModel.create(prepared.spec(), 0).parameterCount());
            Path modelFile = out.resolve("model.longlag");
            ExperimentResult r;
            try (ProgressListener progress = new ProgressListener(model + " dsr")) {
                r = runner.run(experiment, prepared, modelFile, out, progress); // the test writes generated.csv and truth.csv into out
            }
            for (EvaluationPoint p : r.history()) {
                o.printf(Locale.ROOT, "  step %6d  %7.1fs  loss %.4g  %s%n", p.step(), p.seconds(), p.loss(), RunSummary.metrics(p.metrics()));
            }
            if (!r.diverged().isEmpty()) o.println("  " + r.diverged());

            TaskScore score = r.test();
            double wall = (System.nanoTime() - started) / 1e9;
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("model", modelFile.getFileName().toString());
            String generated = r.artifacts().get(ReconstructionTask.GENERATED_ARTIFACT), truth = r.artifacts().get(ReconstructionTask.TRUE_ARTIFACT);
            if (generated != null) files.put("generated", generated);
            if (truth != null) files.put("truth", truth);
            Path resultFile = out.resolve("result.json");
            JsonFiles.write(resultFile, new DsrReport(r, task.config(), files, wall));

            o.printf(Locale.ROOT, "trained %d steps in %.1f s%s%n", r.steps(), r.seconds(), r.stopReason().isEmpty() ? "" : "; " + r.stopReason());
            o.printf(Locale.ROOT, "test: D_stsp = %.4g, D_H = %.4g, %d-step prediction error = %.4g (chance D_stsp %.4g; %s: %s)%n",
                    score.get("dstsp"), score.get("dh"), task.reconstruction().predictionSteps(), score.get("prediction_error"),
                    score.chanceError(), score.criterion(), score.solved() ? "met" : "not met");
            List<String> why = undefined(score, generated == null ? null : out.resolve(generated));
            for (String line : why) o.println("  " + line);
            List<Path> wrote = new ArrayList<>(List.of(resultFile, modelFile));
            if (generated != null) wrote.add(out.resolve(generated));
            if (truth != null) wrote.add(out.resolve(truth));
            StringBuilder w = new StringBuilder();
            for (Path f : wrote) w.append(w.length() == 0 ? "" : ", ").append(f);
            o.printf(Locale.ROOT, "wall time %.1f s; wrote %s%n", wall, w);
            if (generated != null && truth != null) {
                o.printf(Locale.ROOT, "next: longlag metrics --true %s --generated %s;  longlag lyapunov --model %s%n", out.resolve(truth),
                        out.resolve(generated), modelFile);
            } else {
                o.printf(Locale.ROOT, "next: longlag lyapunov --model %s%n", modelFile);
            }
            o.flush();
            return RunSummary.exitCode(r);
        }
    }

    /**
     * Why the test's D_stsp or D_H has no value, or means little, one line each: the free run left
     * the finite numbers (no generated.csv, or only its finite start), settled on a fixed point
     * (no power spectrum), or never came near the test data (no shared bin).
     */
    static List<String> undefined(TaskScore score, Path generatedFile) {
        List<String> lines = new ArrayList<>();
        boolean diverged = score.get("diverged") > 0;
        if (diverged) {
            lines.add(generatedFile == null ? "the free run left the finite numbers within its first steps: no generated.csv, and no D_stsp or D_H"
                    : "the free run left the finite numbers: generated.csv holds its finite start only; D_stsp and D_H are undefined");
            return lines;
        }
        if (generatedFile != null) {
            try {
                double[][] rows = TrajectoryCsv.read(generatedFile).toArray();
                List<Integer> still = MetricsCommand.constantColumns(rows);
                if (!still.isEmpty()) {
                    lines.add("the free run settles on a fixed point (generated.csv is constant in column" + (still.size() == 1 ? " " : "s ")
                            + MetricsCommand.columns(still) + "): a fixed point has no power spectrum, so D_H compares rounding noise there");
                }
            } catch (IOException e) {
                lines.add("generated.csv could not be read back: " + e.getMessage());
            }
        }
        if (Double.isNaN(score.get("dstsp"))) {
            lines.add("D_stsp is undefined: none of the free run's points falls within the test data's bins (its range +- 0.1 std): "
                    + "the free run lies elsewhere");
        }
        return lines;
    }

    /**
     * What result.json holds.
     *
     * @param run         the experiment as run: resolved model and task settings, model spec, seeds,
     *                    training summary, evaluations and the test score
     * @param data        the task's resolved configuration and data description (incl. standardization)
     * @param files       the files written beside it
     * @param wallSeconds wall time of the whole command
     */
    record DsrReport(ExperimentResult run, Map<String, Object> data, Map<String, Object> files, double wallSeconds) {
    }
}
