package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.longlag.tasks.experiment.AtomicFiles;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.report.Report;
import org.longlag.tasks.report.RunView;
import org.longlag.tasks.report.TextSummary;
import org.longlag.tasks.suite.ResultsStore;
import org.longlag.tasks.suite.RunKey;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteEngine;
import org.longlag.tasks.suite.SuiteRun;
import org.longlag.tasks.suite.SuiteRunner;

/**
 * What {@code suite}, {@code run} and {@code sweep} share: write the resolved suite beside the
 * store, run what the store lacks with a progress bar, rebuild the report, print a summary.
 */
final class SuiteExecution {

    private SuiteExecution() {
    }

    /** Default output directory: runs/NAME for the quick budget, runs/NAME-BUDGET otherwise. */
    static Path defaultOut(Suite s) {
        return Path.of("runs", s.budget().name().equals("quick") ? s.name() : s.name() + "-" + s.budget().name());
    }

    static int parallel(Integer given) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        if (given == null) return cores;
        if (given < 1) throw new Longlag.UsageException("--parallel must be at least 1, got " + given);
        return given;
    }

    /** Runs the suite into {@code out} on local threads; returns the runs of this suite as stored (newest record per key). */
    static List<RunView> execute(ExperimentRunner runner, Suite suite, String source, String sourceText, Path out, int parallel,
                                 boolean saveModels, PrintWriter o) throws IOException {
        return execute(runner, suite, source, sourceText, out, parallel, saveModels, new EngineOptions(), o);
    }

    /**
     * Runs the suite into {@code out} on the engine {@code engine} asks for; returns the runs of this suite as
     * stored. The engine is started (and a cluster checked) before anything is written into {@code out}.
     */
    static List<RunView> execute(ExperimentRunner runner, Suite suite, String source, String sourceText, Path out, int parallel,
                                 boolean saveModels, EngineOptions engine, PrintWriter o) throws IOException {
        if (engine.engine == null) engine.engine = "local";
        List<SuiteRun> runs = suite.expand(runner);
        try (SuiteEngine started = engine.start(runner, "longlag " + suite.name())) {
            SuiteRunner sr = started == null ? new SuiteRunner(runner, parallel, saveModels) : new SuiteRunner(runner, started, saveModels);
            return execute(runner, suite, source, sourceText, out, sr, runs, o);
        }
    }

    private static List<RunView> execute(ExperimentRunner runner, Suite suite, String source, String sourceText, Path out, SuiteRunner sr,
                                         List<SuiteRun> runs, PrintWriter o) throws IOException {
        String searches = suite.searches().isEmpty() ? "" : String.format(Locale.ROOT, " and %d memory length search(es)", suite.searches().size());
        o.printf(Locale.ROOT, "longlag: suite '%s', budget %s: %s; %d runs%s on %s, %d training thread(s) each%n", suite.name(),
                suite.budget().name(), suite.budget().description(), runs.size(), searches, sr.describeEngine(), sr.threadsPerRun());
        o.printf(Locale.ROOT, "results store: %s%n", out.resolve(ResultsStore.FILE));
        o.flush();
        writeResolved(suite, source, sourceText, runs, out);
        SuiteRunner.Outcome outcome;
        try (ResultsStore store = ResultsStore.open(out); SuiteProgress progress = new SuiteProgress(System.err, System.console() != null)) {
            if (!store.repair().isEmpty()) o.println("longlag: " + store.repair());
            o.flush();
            outcome = sr.run(suite, store, progress);
        }
        o.printf(Locale.ROOT, "done in %.1f min: %d run(s) trained (%d ok, %d diverged, %d failed), %d already in the store%n",
                outcome.seconds() / 60, outcome.ok() + outcome.diverged() + outcome.failed(), outcome.ok(), outcome.diverged(), outcome.failed(), outcome.skipped());
        Report.Written w = Report.write(out);
        Set<String> keys = outcome.keys(); // the grid's runs and those the searches took
        List<RunView> mine = w.runs().stream().filter(r -> keys.contains(r.key())).toList();
        if (w.runs().size() > mine.size()) {
            o.printf(Locale.ROOT, "(the store also holds %d run(s) of other suites; the report covers all %d)%n", w.runs().size() - mine.size(), w.runs().size());
        }
        o.println();
        o.println("memory length vs memoryless generalization (memory length: longest lag solved by a majority of seeds):");
        o.print(TextSummary.memoryVsGeneralization(mine));
        o.println();
        o.printf(Locale.ROOT, "report: %s%nevery run: %s, %s%n", w.html(), w.csv(), w.json());
        if (outcome.failed() > 0) o.printf(Locale.ROOT, "%d run(s) failed; run the same command again to retry them%n", outcome.failed());
        o.flush();
        return mine;
    }

    /** The resolved suite, its source text and its run keys, in a file named by its content (never overwriting another suite's). */
    private static void writeResolved(Suite suite, String source, String sourceText, List<SuiteRun> runs, Path out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", source);
        doc.put("source-text", sourceText);
        doc.put("suite", suite);
        Map<String, Object> keys = new LinkedHashMap<>();
        for (SuiteRun r : runs) keys.put(r.key(), r.id());
        doc.put("runs", keys);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("keys", keys.keySet());
        String hash = RunKey.of(identity);
        AtomicFiles.write(out.resolve("suites").resolve(suite.name() + "-" + suite.budget().name() + "-" + hash + ".json"),
                JsonFiles.mapper().writeValueAsBytes(doc));
    }
}
