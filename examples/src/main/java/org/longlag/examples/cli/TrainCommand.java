package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.EvaluationConfig;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.experiment.Resume;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code longlag train}: one model on one task at one lag; writes result.json and the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model on one task and score it on held-out data.",
                "Writes DIR/result.json (metrics and the resolved configuration) and DIR/model.longlag."})
final class TrainCommand implements Callable<Integer>, CatalogOptions.Target {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model kind: lstm, elman, irnn, ... (see 'longlag models')")
    String model;

    @Option(names = "--task", required = true, description = "task kind: addition, multiplication, ...")
    String task;

    @Option(names = "--lag", description = "time lag T (default: the task's, 100 for addition, 20 for copy)")
    Integer lag;

    @Option(names = "--hidden", description = "hidden units (default ${DEFAULT-VALUE})", defaultValue = "64")
    int hidden;

    @Option(names = "--precision", description = "float32 or float64 (default ${DEFAULT-VALUE})", defaultValue = "float32")
    String precision;

    @Option(names = "--batch", description = "sequences per update (default ${DEFAULT-VALUE})", defaultValue = "32")
    int batch;

    @Option(names = "--steps", description = "maximal number of updates (default ${DEFAULT-VALUE})", defaultValue = "5000")
    int steps;

    @Option(names = "--lr", description = "learning rate (default ${DEFAULT-VALUE})", defaultValue = "0.001")
    double lr;

    @Option(names = "--optimizer", description = "adam, rmsprop or sgd (default ${DEFAULT-VALUE})", defaultValue = "adam")
    String optimizer;

    @Option(names = "--clip", description = "global gradient-norm clipping, 0 for none (default ${DEFAULT-VALUE})", defaultValue = "1.0")
    double clip;

    @Option(names = "--threads", description = "training threads (default: cores = ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "seed of everything random in the run (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--eval-every", description = "validate every N steps, 0 for only at the end (default ${DEFAULT-VALUE})", defaultValue = "200")
    int evalEvery;

    @Option(names = "--eval-samples", description = "validation sequences (default ${DEFAULT-VALUE})", defaultValue = "500")
    int evalSamples;

    @Option(names = "--test-samples", description = "test sequences for the final score (default ${DEFAULT-VALUE})", defaultValue = "2000")
    int testSamples;

    @Option(names = "--keep-going", description = "train all steps even after validation meets the task's criterion")
    boolean keepGoing;

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/train")
    Path out;

    @Option(names = "--checkpoint-every", description = {"save the run every N updates into OUT/checkpoint, which 'longlag resume'",
            "goes on from if the run is cut short (default ${DEFAULT-VALUE}: no checkpoints)"}, defaultValue = "0")
    int checkpointEvery;

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        CatalogOptions.Split given = CatalogOptions.given(spec, model, runner.models().options(model), task, runner.tasks().options(task));
        Map<String, Object> modelOptions = new java.util.LinkedHashMap<>(given.model());
        modelOptions.put("hidden", hidden);
        modelOptions.put("precision", precision);
        Map<String, Object> taskOptions = new java.util.LinkedHashMap<>(given.task());
        if (lag != null) taskOptions.put("lag", lag);
        TrainingConfig training = new TrainingConfig(steps, batch, new Optimizer(Optimizer.parseKind(optimizer), lr), clip, threads, seed, 0);
        EvaluationConfig evaluation = new EvaluationConfig(evalEvery, evalSamples, testSamples, !keepGoing);
        Experiment experiment = new Experiment(model, modelOptions, task, taskOptions, training, evaluation, seed);
        runner.prepare(experiment); // every option checked before anything is written or trained
        TrainingListener[] checkpoints = Checkpoints.listeners(checkpointEvery, out, experiment);

        Files.createDirectories(out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "longlag train: %s%n", experiment.id());
        ExperimentResult r;
        Object resolvedLag = runner.tasks().settings(task, taskOptions).get("lag");
        try (ProgressListener progress = new ProgressListener(model + " " + task + " T=" + resolvedLag)) {
            r = runner.run(experiment, out.resolve(Resume.MODEL), Checkpoints.with(progress, checkpoints));
        }
        JsonFiles.write(out.resolve(Resume.RESULT), r);
        RunSummary.print(o, r, out);
        return 0;
    }
}
