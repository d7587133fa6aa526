package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Memoryless generalization: the metrics of each model on each task without a lag axis
 * (dynamical-system reconstruction), summarized over seeds. Whatever metrics the task's records
 * carry are summarized; D_stsp and D_H (and n-step prediction error) are the headline ones when
 * present.
 */
public final class Reconstruction {

    private Reconstruction() {
    }

    /** Normalized names (lower case, letters and digits only) of the metrics a report leads with, in order. */
    static final List<String> HEADLINE = List.of("dstsp", "dh", "pe", "predictionerror", "nsteperror");

    /**
     * One metric of one model on one task over its seeds.
     *
     * @param values per-seed values that are finite
     * @param runs   scored runs (a run without a finite value counts here but not in {@code values})
     */
    public record Summary(String model, String task, String metric, double[] values, int runs) {

        public double mean() {
            double s = 0;
            for (double v : values) s += v;
            return values.length == 0 ? Double.NaN : s / values.length;
        }

        /** Sample standard deviation (0 for one value). */
        public double sd() {
            if (values.length < 2) return 0;
            double m = mean(), s = 0;
            for (double v : values) s += (v - m) * (v - m);
            return Math.sqrt(s / (values.length - 1));
        }

        public double min() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : values) m = Math.min(m, v);
            return values.length == 0 ? Double.NaN : m;
        }
    }

    /** The reconstruction tasks among the runs, in order of first appearance. */
    public static List<String> tasks(List<RunView> runs) {
        Set<String> s = new LinkedHashSet<>();
        for (RunView r : runs) if (!r.memoryTask()) s.add(r.task());
        return new ArrayList<>(s);
    }

    /** The metric names of a reconstruction task's scored runs: the headline ones first, then the rest as they appear. */
    public static List<String> metrics(List<RunView> runs, String task) {
        Set<String> all = new LinkedHashSet<>();
        for (RunView r : runs) if (!r.memoryTask() && r.scored() && r.task().equals(task)) all.addAll(r.metrics().keySet());
        List<String> out = new ArrayList<>();
        for (String h : HEADLINE) for (String m : all) if (normalize(m).equals(h) && !out.contains(m)) out.add(m);
        for (String m : all) if (!out.contains(m)) out.add(m);
        return out;
    }

    /** The metrics the summary table leads with: the headline metrics present, else every metric but "error". */
    public static List<String> headline(List<RunView> runs, String task) {
        List<String> all = metrics(runs, task);
        List<String> h = new ArrayList<>();
        for (String m : all) if (HEADLINE.contains(normalize(m))) h.add(m);
        if (!h.isEmpty()) return h;
        List<String> rest = new ArrayList<>(all);
        if (rest.size() > 1) rest.remove("error");
        return rest;
    }

    /**
     * The chance (memoryless) level of a metric of a task: the runs' chance error when the metric
     * is the one their "error" repeats (for reconstruction, D_stsp against independent Gaussian
     * draws with the test data's means and standard deviations), else NaN.
     */
    public static double chance(List<RunView> runs, String task, String metric) {
        for (RunView r : runs) {
            if (r.memoryTask() || !r.scored() || !r.task().equals(task) || !Double.isFinite(r.chanceError())) continue;
            if (metric.equals(r.primary()) || metric.equals("error")) return r.chanceError();
        }
        return Double.NaN;
    }

    /** Summaries per (task, model, metric), in order of appearance. */
    public static List<Summary> summaries(List<RunView> runs) {
        Map<String, Map<String, List<RunView>>> byTask = new LinkedHashMap<>();
        for (RunView r : runs) {
            if (r.memoryTask() || !r.scored()) continue;
            byTask.computeIfAbsent(r.task(), k -> new LinkedHashMap<>()).computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> out = new ArrayList<>();
        byTask.forEach((task, models) -> {
            List<String> metrics = metrics(runs, task);
            models.forEach((model, rs) -> {
                for (String m : metrics) {
                    double[] v = rs.stream().map(r -> r.metrics().get(m)).filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
                    out.add(new Summary(model, task, m, v, rs.size()));
                }
            });
        });
        return out;
    }

    static String normalize(String metric) {
        return metric.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
