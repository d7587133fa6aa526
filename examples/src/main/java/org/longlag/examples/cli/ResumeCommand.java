package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.EvaluationConfig;
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
import picocli.CommandLine.Parameters;

/** {@code longlag resume}: goes on training a run that {@code longlag train} saved, into a new directory. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "org.longlag.examples.cli.ResumeCommand",
        description = {"Go on training a run that 'longlag train' saved, up to --steps updates in all.",
                "Reads DIR/result.json (the run's configuration), DIR/model.longlag and DIR/model.state (the optimizer's",
                "state; without it, as in runs saved before it existed, the optimizer restarts). The validation and test",
                "sets are the run's own; the training batches come from a stream of their own. Writes result.json,",
                "model.longlag and model.state into --out, which must not be DIR and must be empty (or --force)."})
final class ResumeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the saved run's directory")
    Path from;

    @Option(names = "--steps", required = true, description = "updates in all, counting the saved run's")
    int steps;

    @Option(names = "--out", required = true, description = "output directory (not DIR: the saved run is kept)")
    Path out;

    @Mixin
    RunOptions.Threads threads = RunOptions.Threads.unset();

    @Mixin
    EvaluationOptions.Every evalEvery = new EvaluationOptions.Every(null);

    @Option(names = "--restart-optimizer", description = {"drop the saved optimizer state: zero moments and bias correction from the first",
            "update here (as for a run saved without it; resets a second-moment estimate inflated by loss spikes)"})
    boolean restartOptimizer;

    @Mixin
    Checkpoints checkpoints = new Checkpoints();

    @Mixin
    EvaluationOptions.KeepGoing keepGoing = new EvaluationOptions.KeepGoing();

    @Mixin
    Force force = new Force();

    @Override
    public Integer call() throws Exception {
        if (out.toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must not be the resumed run's directory " + from + ": its files are kept as they are");
        }
        Resume saved;
        try {
            saved = Resume.read(from);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Longlag.UsageException("DIR " + from + ": no such file: " + e.getFile());
        } catch (java.io.IOException e) {
            throw new Longlag.UsageException("DIR " + from + ": " + Longlag.describe(e));
        }
        if (restartOptimizer) saved = saved.withoutOptimizerState();
        if (steps <= saved.state().step()) {
            throw new IllegalArgumentException("--steps " + steps + " is not past the " + saved.state().step() + " updates the run in " + from + " has done");
        }
        Experiment before = saved.experiment();
        TrainingConfig training = before.training().withSteps(steps);
        Integer t = threads.forBatch(training.batchSize());
        if (t != null) training = training.withThreads(t);
        EvaluationConfig ev = before.evaluation();
        evalEvery.check();
        EvaluationConfig evaluation = new EvaluationConfig(evalEvery.evalEvery == null ? ev.every() : evalEvery.evalEvery, ev.validationSamples(),
                ev.testSamples(), ev.stopWhenSolved() && !keepGoing.keepGoing);
        Experiment experiment = before.withTraining(training).withEvaluation(evaluation);
        ExperimentRunner runner = ExperimentRunner.discover();
        ExperimentRunner.Prepared prepared = runner.prepare(experiment);
        TrainingListener[] saves = checkpoints.listeners(out, experiment);
        if (saves.length > 0 && Checkpoints.directory(out).toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--checkpoint-every would write into " + from + ", the run resumed from: choose another --out");
        }

        try (RunDirectory claimed = force.claim(out, from)) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "longlag resume: %s from step %d of %s%s%n", experiment.id(), saved.state().step(), from,
                    !saved.state().hasOptimizerState() ? (restartOptimizer ? " (--restart-optimizer: the optimizer restarts)" : " (no optimizer state saved: the optimizer restarts)") : "");
            ExperimentResult r;
            try (ProgressListener progress = new ProgressListener(experiment.model() + " " + experiment.task() + " resumed")) {
                r = runner.resume(experiment, prepared, saved, out.resolve(Resume.MODEL), null, Checkpoints.with(progress, saves));
            }
            JsonFiles.write(out.resolve(Resume.RESULT), r);
            RunSummary.print(o, r, out);
            return RunSummary.exitCode(r);
        }
    }
}
