package org.longlag.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code longlag run}: the built-in default suite, the first thing to try on a new machine. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the built-in default suite: lstm, elman, irnn, plrnn and rplrnn on the addition and multiplication "
                + "problems at short lags, two seeds each, with gradient norms against lag (minutes on 2 cores). "
                + "Writes runs/default/report.html. Interrupted? Run it again: finished runs are kept and skipped.",
                "--budget paper runs the published protocol at lags 100, 200, 500 instead (days on 2 cores)."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: runs/default, or runs/default-BUDGET)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once, each on one thread when N > 1 (default: the number of cores)")
    Integer parallel;

    @Option(names = "--budget", paramLabel = "NAME", defaultValue = "quick", description = "quick or paper (default ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--save-models", description = "also keep every trained model (DIR/artifacts/KEY/model.longlag)")
    boolean saveModels;

    @Option(names = "--print-suite", description = "print the built-in suite file (a starting point for 'longlag suite FILE') and exit")
    boolean print;

    @Override
    public Integer call() throws Exception {
        if (print) {
            spec.commandLine().getOut().print(SuiteReader.builtInText("default"));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite suite = new SuiteReader(runner).readBuiltIn("default", budget);
        Path dir = out != null ? out : SuiteExecution.defaultOut(suite);
        SuiteExecution.execute(runner, suite, "default.yaml (built in)", SuiteReader.builtInText("default"), dir,
                SuiteExecution.parallel(parallel), saveModels, engine, spec.commandLine().getOut());
        return 0;
    }
}
