package org.longlag.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.longlag.tasks.report.Report;
import org.longlag.tasks.report.TextSummary;
import org.longlag.tasks.suite.ResultsStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code longlag report DIR}: rebuilds the report from a results store (which it only reads). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild DIR/report.html, DIR/runs.csv and DIR/runs.json from the results store DIR/runs.jsonl.",
                "The store is only read (a suite may still be writing to it); the report covers every run in it."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a directory holding runs.jsonl")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve(ResultsStore.FILE))) {
            throw new Longlag.UsageException("no results store in " + dir + " (expected " + dir.resolve(ResultsStore.FILE) + ")");
        }
        Report.Written w = Report.write(dir);
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d runs, %d figures%n%n", w.runs().size(), w.figures());
        o.print(TextSummary.memoryVsGeneralization(w.runs()));
        o.printf(Locale.ROOT, "%nreport: %s%nevery run: %s, %s%n", w.html(), w.csv(), w.json());
        o.flush();
        return 0;
    }
}
