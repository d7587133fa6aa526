package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.longlag.models.registry.OptionSpec;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.report.RunView;
import org.longlag.tasks.report.TextSummary;
import org.longlag.tasks.suite.Budget;
import org.longlag.tasks.suite.GradientNormSettings;
import org.longlag.tasks.suite.ModelEntry;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.TaskEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code longlag sweep}: a suite given by flags (models x tasks x lags x seeds), run like any
 * suite (parallel, resumable, with a report), then printed as a table model x T -> best test MSE,
 * best fraction correct and the chance baseline.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train several models on memory tasks over a list of lags and seeds, and print model x T -> best test MSE, "
                + "best fraction correct, chance baseline (best over seeds).",
                "A sweep is a suite built from these flags: it runs in parallel, resumes after an interruption, and writes DIR/report.html. "
                        + "Model and task options (e.g. --tau-a, --protocol) apply to every chosen model or task that has them.",
                "Example (issue 3): longlag sweep --models elman,irnn,plrnn,rplrnn,lstm --tasks addition,multiplication --lags 50,100,200 --seeds 1,2"})
final class SweepCommand implements Callable<Integer>, CatalogOptions.Target {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--models", split = ",", required = true, paramLabel = "KIND[,KIND...]", description = "model kinds, e.g. elman,irnn,plrnn,rplrnn,lstm")
    List<String> models;

    @Option(names = "--tasks", split = ",", defaultValue = "addition", paramLabel = "KIND[,KIND...]", description = "memory tasks (default ${DEFAULT-VALUE})")
    List<String> tasks;

    @Option(names = "--lags", split = ",", required = true, paramLabel = "T[,T...]", description = "lags, e.g. 50,100,200")
    List<Integer> lags;

    @Option(names = "--seeds", split = ",", defaultValue = "1", paramLabel = "S[,S...]", description = "seeds (default ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Option(names = "--budget", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (these flags) or paper (the reg-PLRNN protocol overrides hidden, batch, steps, lr, clip and evaluation) (default ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: runs/sweep, or runs/sweep-BUDGET)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once, each on one thread when N > 1 (default: the number of cores)")
    Integer parallel;

    @Option(names = "--save-models", description = "also keep every trained model (DIR/artifacts/KEY/model.longlag)")
    boolean saveModels;

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        for (String m : models) runner.models().kind(m);
        for (String t : tasks) {
            if (!runner.tasks().kind(t).isMemoryTask()) throw new Longlag.UsageException("task '" + t + "' has no lag axis; sweep takes memory tasks");
        }
        Map<String, Object> given = CatalogOptions.givenAll(spec);
        List<ModelEntry> modelEntries = new ArrayList<>();
        for (String m : models) modelEntries.add(ModelEntry.of(m, pick(given, runner.models().options(m))));
        List<TaskEntry> taskEntries = new ArrayList<>();
        for (String t : tasks) taskEntries.add(new TaskEntry(t, t, pick(given, runner.tasks().kind(t).options()), lags, ""));
        for (String name : given.keySet()) {
            boolean used = models.stream().anyMatch(m -> has(runner.models().options(m), name)) || tasks.stream().anyMatch(t -> has(runner.tasks().kind(t).options(), name));
            if (!used) throw new Longlag.UsageException("option --" + name + " does not apply to any of the models " + models + " or tasks " + tasks);
        }
        Suite suite = new Suite("sweep", "longlag sweep", Budget.quick(), modelEntries, taskEntries, seeds, List.of(training.settings()),
                evaluation.config(), GradientNormSettings.defaults())
                .withBudget(Budget.named(budget), runner);
        Path dir = out != null ? out : SuiteExecution.defaultOut(suite);
        PrintWriter o = spec.commandLine().getOut();
        List<RunView> runs = SuiteExecution.execute(runner, suite, "longlag sweep", String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                dir, SuiteExecution.parallel(parallel), saveModels, engine, o);
        o.println();
        o.print(TextSummary.sweep(runs));
        o.flush();
        return 0;
    }

    private static Map<String, Object> pick(Map<String, Object> given, List<OptionSpec> options) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) if (has(options, e.getKey())) m.put(e.getKey(), e.getValue());
        return m;
    }

    private static boolean has(List<OptionSpec> options, String name) {
        return options.stream().anyMatch(o -> o.name().equals(name));
    }
}
