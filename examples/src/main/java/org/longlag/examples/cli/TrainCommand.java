package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.experiment.Resume;
import org.longlag.tasks.experiment.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code longlag train}: one model on one task at one lag; writes result.json and the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model on one task and score it on held-out data.",
                "Writes DIR/result.json (metrics and the resolved configuration) and DIR/model.longlag."})
final class TrainCommand implements Callable<Integer>, CatalogOptions.Target {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model kind: lstm, elman, irnn, ... ('longlag models' lists them)")
    String model;

    @Option(names = "--task", required = true, description = "task kind: addition, multiplication, ... ('longlag tasks' lists them)")
    String task;

    @Option(names = "--lag", description = "time lag T (default: the task's, 100 for addition, 20 for copy)")
    Integer lag;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})", defaultValue = "runs/train")
    Path out;

    @Mixin
    Checkpoints checkpoints = new Checkpoints();

    @Mixin
    Force force = new Force();

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        CatalogOptions.Split given = CatalogOptions.given(spec, model, runner.models().options(model), task, runner.tasks().options(task));
        Map<String, Object> taskOptions = new java.util.LinkedHashMap<>(given.task());
        if (lag != null) taskOptions.put("lag", lag);
        Experiment experiment = new Experiment(model, given.model(), task, taskOptions, training.config(run.threads(training.batch)), evaluation.config(), run.seed);
        ExperimentRunner.Prepared prepared = runner.prepare(experiment); // every option checked before anything is written or trained
        TrainingListener[] saves = checkpoints.listeners(out, experiment);

        try (RunDirectory claimed = force.claim(out)) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "longlag train: %s%n", experiment.id());
            ExperimentResult r;
            try (ProgressListener progress = new ProgressListener(model + " " + task + (runner.tasks().kind(task).isMemoryTask()
                    ? " T=" + prepared.taskSettings().get("lag") : ""))) {
                r = runner.run(experiment, prepared, out.resolve(Resume.MODEL), Checkpoints.with(progress, saves));
            }
            JsonFiles.write(out.resolve(Resume.RESULT), r);
            RunSummary.print(o, r, out);
            return RunSummary.exitCode(r);
        }
    }
}
