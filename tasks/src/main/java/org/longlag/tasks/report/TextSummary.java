package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.longlag.tasks.suite.StoredRecord;

/** What a suite or sweep prints in the terminal: the memory lengths per model, and issue 3's sweep table. */
public final class TextSummary {

    private TextSummary() {
    }

    public static List<RunView> views(List<StoredRecord> records) {
        List<RunView> out = new ArrayList<>();
        for (StoredRecord r : org.longlag.tasks.suite.ResultsStore.latestByKey(records)) out.add(RunView.of(r));
        return out;
    }

    /** Memory length per model and memory task, and the headline reconstruction metrics, as in the report's first table. */
    public static String memoryVsGeneralization(List<RunView> runs) {
        List<MemoryLength.Curve> curves = MemoryLength.curves(runs);
        List<String> models = Report.models(runs);
        List<String> tasks = new ArrayList<>(new LinkedHashSet<>(curves.stream().map(MemoryLength.Curve::task).toList()));
        List<String> dsr = Reconstruction.tasks(runs);
        List<String> head = new ArrayList<>(List.of("model"));
        for (String t : tasks) head.add("memory length, " + t);
        List<String[]> dsrCols = new ArrayList<>();
        for (String t : dsr) for (String m : Reconstruction.headline(runs, t)) dsrCols.add(new String[] {t, m});
        for (String[] c : dsrCols) head.add(c[1] + ", " + c[0]);
        TextTable table = new TextTable(head.toArray(new String[0]));
        List<Reconstruction.Summary> sums = Reconstruction.summaries(runs);
        for (String m : models) {
            List<String> row = new ArrayList<>(List.of(m));
            for (String t : tasks) {
                MemoryLength.Curve c = curves.stream().filter(x -> x.model().equals(m) && x.task().equals(t)).findFirst().orElse(null);
                if (c == null) row.add("not run");
                else row.add(cell(c));
            }
            for (String[] col : dsrCols) {
                Reconstruction.Summary s = sums.stream().filter(x -> x.model().equals(m) && x.task().equals(col[0]) && x.metric().equals(col[1])).findFirst().orElse(null);
                row.add(s == null || s.values().length == 0 ? "not run" : HtmlReport.fmt(s.mean()) + (s.values().length > 1 ? " ± " + HtmlReport.fmt(s.sd()) : ""));
            }
            table.add(row.toArray(new String[0]));
        }
        String note = dsr.isEmpty() ? "  (no reconstruction task in these runs: memoryless generalization not measured)\n" : "";
        StringBuilder probes = new StringBuilder();
        for (MemoryLength.Curve c : curves) {
            probes.append("  ").append(c.model()).append(" on ").append(c.task()).append(": memory length in ").append(c.interval())
                    .append("; seeds solved/run by lag: ").append(c.probes()).append('\n');
            for (int lag : c.nonMonotone()) {
                probes.append("    NOT MONOTONE: lag ").append(lag).append(" solved above lag ").append(c.failedBelow(lag))
                        .append(", which failed; more seeds or a larger budget are needed to trust the interval\n");
            }
        }
        return table.render("  ") + note + probes;
    }

    /** A memory length cell: the interval [longest solved, shortest failed] with the seeds at each end ("[10, 20] (3/3, 1/3 seeds)"). */
    static String cell(MemoryLength.Curve c) {
        int lo = c.memoryLength(), hi = c.shortestFailed();
        MemoryLength.Point a = lo < 0 ? null : c.at(lo), b = hi < 0 ? null : c.at(hi);
        String seeds = (a == null ? "" : a.solved() + "/" + a.seeds()) + (a != null && b != null ? ", " : "") + (b == null ? "" : b.solved() + "/" + b.seeds());
        String flag = c.nonMonotone().isEmpty() ? "" : " NOT MONOTONE";
        if (lo < 0) return "none: " + c.interval() + " (" + seeds + " seeds)" + flag;
        return c.interval() + " (" + seeds + " seeds)" + flag;
    }

    /**
     * For each memory task, model x lag: the best test error and best primary metric over seeds
     * (for addition and multiplication: MSE and fraction correct), the chance (memoryless) error,
     * and how many seeds solved the task.
     */
    public static String sweep(List<RunView> runs) {
        StringBuilder b = new StringBuilder();
        List<MemoryLength.Curve> curves = MemoryLength.curves(runs);
        Set<String> tasks = new LinkedHashSet<>(curves.stream().map(MemoryLength.Curve::task).toList());
        for (String task : tasks) {
            List<MemoryLength.Curve> cs = curves.stream().filter(c -> c.task().equals(task)).toList();
            String primary = cs.get(0).primary();
            String error = runs.stream().filter(r -> r.task().equals(task) && r.metrics().containsKey("mse")).findAny().isPresent() ? "MSE" : "error";
            Set<Long> seeds = new TreeSet<>();
            runs.stream().filter(r -> r.task().equals(task)).forEach(r -> seeds.add(r.seed()));
            b.append(task).append(": best over seeds ").append(seeds).append("; solved = ").append(cs.get(0).criterion()).append('\n');
            TextTable t = new TextTable("model", "T", "best test " + error, "best " + primary.replace('_', ' '), "chance " + error, "solved seeds");
            for (MemoryLength.Curve c : cs) {
                for (MemoryLength.Point p : c.points()) {
                    t.add(c.model(), String.valueOf(p.lag()), HtmlReport.fmt(p.bestError()), HtmlReport.fmt(p.bestPrimary()),
                            HtmlReport.fmt(p.chanceError()), p.solved() + "/" + p.seeds() + (p.diverged() > 0 ? " (" + p.diverged() + " diverged)" : ""));
                }
            }
            b.append(t.render("  ")).append('\n');
        }
        return b.toString();
    }
}
