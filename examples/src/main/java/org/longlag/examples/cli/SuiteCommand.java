package org.longlag.examples.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code longlag suite FILE}: runs a suite file, resuming whatever its results store already holds. */
@Command(name = "suite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a suite file (YAML or JSON: models x tasks x lags x seeds x training settings).",
                "The whole file is validated before anything trains. Results go to an append-only store (DIR/runs.jsonl), one record "
                        + "per finished run; run the same command again after an interruption (even kill -9) to resume without "
                        + "repeating or losing finished runs. Writes DIR/report.html, DIR/runs.csv and DIR/runs.json.",
                "Print the built-in suite as a starting point with 'longlag run --print-suite'."})
final class SuiteCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "FILE", description = "the suite file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: runs/NAME, or runs/NAME-BUDGET for a budget other than quick)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once, each on one thread when N > 1 (default: the number of cores)")
    Integer parallel;

    @Option(names = "--budget", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (the file as written), paper (the published reg-PLRNN protocol: hidden 40, Adam 1e-3, clip 3, batch 500, "
                    + "40,000 updates, 10,000 test sequences; hours per run), or a budget the file defines (default ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--save-models", description = "also keep every trained model (DIR/artifacts/KEY/model.longlag)")
    boolean saveModels;

    @Override
    public Integer call() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite suite = new SuiteReader(runner).read(file, budget);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = out != null ? out : SuiteExecution.defaultOut(suite);
        SuiteExecution.execute(runner, suite, file.toAbsolutePath().toString(), text, dir, SuiteExecution.parallel(parallel), saveModels, engine,
                spec.commandLine().getOut());
        return 0;
    }
}
