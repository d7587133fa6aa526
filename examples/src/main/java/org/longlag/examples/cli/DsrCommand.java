package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.EvaluationPoint;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
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

    @Option(names = "--model", required = true, description = "model kind: shplrnn, plrnn, lstm, ... (see 'longlag models')")
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

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ExperimentRunner runner = ExperimentRunner.discover();
        CatalogOptions.Split given = CatalogOptions.given(spec, model, runner.models().options(model), TASK, runner.tasks().options(TASK));
        EvaluationConfig evaluation = new EvaluationConfig(evalEvery.evalEvery, 1, 1, false); // the task evaluates on its test data
        Experiment experiment = new Experiment(model, given.model(), TASK, given.task(), training.config(run.threads()), evaluation, run.seed);

        PrintWriter o = spec.commandLine().getOut();
        ExperimentRunner.Prepared prepared = runner.prepare(experiment); // every option checked before anything is trained
        ReconstructionTask task = (ReconstructionTask) prepared.task();
        o.printf(Locale.ROOT, "longlag dsr: %s on %s (%d train / %d test rows), %s, %d parameters%n", model, task.data().source(),
                task.data().train().length, task.data().test().length, task.reconstruction().forcing(),
                SequenceModel.create(prepared.spec(), 0).parameterCount());
        Files.createDirectories(out);
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
        Path generatedFile = out.resolve("generated.csv"), truthFile = out.resolve("truth.csv");
        double wall = (System.nanoTime() - started) / 1e9;
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("model", modelFile.getFileName().toString());
        if (r.artifacts().containsKey(ReconstructionTask.GENERATED_ARTIFACT)) files.put("generated", r.artifacts().get(ReconstructionTask.GENERATED_ARTIFACT));
        else o.println("  the free run left the finite numbers within its first step: no generated.csv");
        files.put("truth", r.artifacts().get(ReconstructionTask.TRUE_ARTIFACT));
        JsonFiles.write(out.resolve("result.json"), new DsrReport(r, task.config(), files, wall));

        o.printf(Locale.ROOT, "trained %d steps in %.1f s%s%n", r.steps(), r.seconds(), r.stopReason().isEmpty() ? "" : "; " + r.stopReason());
        o.printf(Locale.ROOT, "test: D_stsp = %.4g, D_H = %.4g, %d-step prediction error = %.4g (chance D_stsp %.4g; %s: %s)%n",
                score.get("dstsp"), score.get("dh"), task.reconstruction().predictionSteps(), score.get("prediction_error"),
                score.chanceError(), score.criterion(), score.solved() ? "met" : "not met");
        o.printf(Locale.ROOT, "wall time %.1f s; wrote %s, %s, %s, %s%n", wall, out.resolve("result.json"), modelFile, generatedFile, truthFile);
        o.printf(Locale.ROOT, "next: longlag metrics --true %s --generated %s;  longlag lyapunov --model %s%n", truthFile, generatedFile, modelFile);
        o.flush();
        return 0;
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
