package org.longlag.tasks.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.longlag.tasks.experiment.AtomicFiles;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.suite.ResultsStore;
import org.longlag.tasks.suite.StoredRecord;

/**
 * Builds the report of a results store: {@code report.html} (self-contained: figures embedded
 * as data URIs), {@code runs.csv} and {@code runs.json} (every run), each written atomically
 * next to the store. The store itself is only read.
 */
public final class Report {

    public static final String HTML = "report.html";
    public static final String CSV = "runs.csv";
    public static final String JSON = "runs.json";

    private Report() {
    }

    /** What was written. */
    public record Written(Path html, Path csv, Path json, List<RunView> runs, List<MemoryLength.Curve> curves, int figures) {
    }

    /** Reads the store in {@code dir} (without changing it) and writes the report files there. */
    public static Written write(Path dir) throws IOException {
        return write(dir, ResultsStore.read(dir));
    }

    /** Writes the report of {@code records} (a store's records, of which the newest per key are used) into {@code dir}. */
    public static Written write(Path dir, List<StoredRecord> records) throws IOException {
        List<StoredRecord> latest = ResultsStore.latestByKey(records);
        if (latest.isEmpty()) throw new IllegalArgumentException("the results store in " + dir + " has no complete run yet; nothing to report");
        List<RunView> runs = new ArrayList<>();
        for (StoredRecord r : latest) runs.add(RunView.of(r));
        List<String> models = models(runs);
        List<MemoryLength.Curve> curves = MemoryLength.curves(runs);
        List<Figure> memory = MemoryFigures.of(curves, models);
        List<Figure> gradients = GradientFigures.of(runs, models);
        List<Figure> dsr = ReconstructionFigures.metrics(runs, models);
        List<Figure> attractors = ReconstructionFigures.attractors(runs, dir, models);
        String html = HtmlReport.render(new HtmlReport.Content(title(runs), subtitle(runs), runs, models, curves, memory, gradients, dsr, attractors,
                CSV, JSON, ResultsStore.FILE));

        Path htmlFile = dir.resolve(HTML), csvFile = dir.resolve(CSV), jsonFile = dir.resolve(JSON);
        AtomicFiles.write(csvFile, CsvExport.of(runs));
        ArrayNode all = JsonFiles.mapper().createArrayNode();
        for (StoredRecord r : latest) all.add(r.node());
        AtomicFiles.write(jsonFile, JsonFiles.mapper().writeValueAsBytes(all));
        AtomicFiles.write(htmlFile, html);
        return new Written(htmlFile, csvFile, jsonFile, runs, curves, memory.size() + gradients.size() + dsr.size() + attractors.size());
    }

    private static String title(List<RunView> runs) {
        LinkedHashSet<String> suites = new LinkedHashSet<>();
        for (RunView r : runs) suites.add(r.node().path("suite").asText("?"));
        return "longlag report: " + String.join(", ", suites);
    }

    private static String subtitle(List<RunView> runs) {
        LinkedHashSet<String> budgets = new LinkedHashSet<>();
        long ok = 0, diverged = 0, failed = 0;
        double seconds = 0;
        for (RunView r : runs) {
            budgets.add(r.node().path("budget").asText("?"));
            if (r.status().equals("ok")) ok++;
            else if (r.status().equals("diverged")) diverged++;
            else failed++;
            if (Double.isFinite(r.wallSeconds())) seconds += r.wallSeconds();
        }
        return runs.size() + " runs (" + ok + " ok, " + diverged + " diverged, " + failed + " failed), budget " + String.join(", ", budgets)
                + String.format(java.util.Locale.ROOT, ", %.1f run-minutes", seconds / 60) + "; report built " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The models of a report in the order its tables and colours use: those with memory-task runs
     * first, then those that only ran reconstruction tasks, each group in order of first appearance
     * in the store.
     */
    static List<String> models(List<RunView> runs) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (RunView r : runs) if (r.memoryTask()) out.add(r.group());
        for (RunView r : runs) out.add(r.group());
        return new ArrayList<>(out);
    }
}
