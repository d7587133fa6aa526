package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Success against lag for each model on each memory task, and the model's memory length.
 *
 * <p><b>Memory length</b> of a model on a memory task: the largest lag T of the suite at which a
 * strict majority of the model's seeds solved the task on the held-out test set (the task's own
 * criterion, e.g. fraction correct >= 0.9 for addition and multiplication). A run that diverged
 * counts as not solved; a run that failed (no score) is left out and shown as missing. None when
 * no lag qualifies.
 *
 * <p>Since only the lags run are known, the memory length is an interval: [longest solved, shortest
 * failed above it] ({@link Curve#shortestFailed}; unbounded above when no longer lag failed), each end
 * with its seeds solved / seeds run; a lag search ({@code lags: {search: ...}}) narrows it to its
 * resolution. Outcomes that are not monotone in the lag (a lag solved above one that failed) are
 * flagged ({@link Curve#nonMonotone}): they say the seeds or the budget are too few for the
 * interval to be trusted.
 */
public final class MemoryLength {

    private MemoryLength() {
    }

    /**
     * One lag of one model on one task.
     *
     * @param lag                the lag
     * @param seeds              runs with a test score
     * @param solved             of those, runs that solved the task
     * @param medianErrorToChance median over seeds of test error / chance error
     * @param bestError          lowest test error over seeds
     * @param bestPrimary        best value of the task's primary metric over seeds (highest, or lowest when lower is better)
     * @param chanceError        the task's chance (memoryless) error
     * @param diverged           runs that diverged
     */
    public record Point(int lag, int seeds, int solved, double medianErrorToChance, double bestError, double bestPrimary,
                        double chanceError, int diverged) {

        public boolean majoritySolved() {
            return seeds > 0 && 2 * solved > seeds;
        }
    }

    /** A model's success against lag on one memory task, lags ascending. */
    public record Curve(String model, String task, String primary, String criterion, List<Point> points) {

        /** The memory length (see the class comment), or -1 when no lag qualifies. */
        public int memoryLength() {
            int best = -1;
            for (Point p : points) if (p.majoritySolved()) best = Math.max(best, p.lag());
            return best;
        }

        public Point at(int lag) {
            for (Point p : points) if (p.lag() == lag) return p;
            return null;
        }

        /** The smallest lag above the memory length (above no lag, when none is solved) that failed, or -1 when none did. */
        public int shortestFailed() {
            int len = memoryLength();
            for (Point p : points) if (p.lag() > len && !p.majoritySolved()) return p.lag();
            return -1;
        }

        /** The lags solved above a lag that failed, ascending (empty when success falls monotonically with the lag). */
        public List<Integer> nonMonotone() {
            List<Integer> out = new ArrayList<>();
            int firstFailed = Integer.MAX_VALUE;
            for (Point p : points) {
                if (!p.majoritySolved()) firstFailed = Math.min(firstFailed, p.lag());
                else if (p.lag() > firstFailed) out.add(p.lag());
            }
            return out;
        }

        /** The smallest failed lag below {@code lag}, or -1. */
        public int failedBelow(int lag) {
            for (Point p : points) if (p.lag() < lag && !p.majoritySolved()) return p.lag();
            return -1;
        }

        /** "[100, 125]", "[1000, ∞)" (solved at every lag run), or "[0, 10]" (failed at the shortest). */
        public String interval() {
            int lo = memoryLength(), hi = shortestFailed();
            return "[" + Math.max(0, lo) + ", " + (hi < 0 ? "∞)" : hi + "]");
        }

        /** Each lag run with its seeds solved / seeds run, ascending: "10: 5/5, 20: 3/5". */
        public String probes() {
            StringBuilder b = new StringBuilder();
            for (Point p : points) {
                if (b.length() > 0) b.append(", ");
                b.append(p.lag()).append(": ").append(p.solved()).append('/').append(p.seeds());
            }
            return b.toString();
        }
    }

    /** Curves of every (model, memory task) pair among the scored runs, in the order models and tasks first appear. */
    public static List<Curve> curves(List<RunView> runs) {
        Map<String, Map<String, TreeMap<Integer, List<RunView>>>> byTask = new LinkedHashMap<>();
        for (RunView r : runs) {
            if (!r.memoryTask() || !r.scored()) continue;
            byTask.computeIfAbsent(r.task(), k -> new LinkedHashMap<>()).computeIfAbsent(r.group(), k -> new TreeMap<>())
                    .computeIfAbsent(r.lag(), k -> new ArrayList<>()).add(r);
        }
        List<Curve> out = new ArrayList<>();
        byTask.forEach((task, models) -> models.forEach((model, lags) -> {
            List<Point> points = new ArrayList<>();
            String primary = "", criterion = "";
            for (Map.Entry<Integer, List<RunView>> e : lags.entrySet()) {
                List<RunView> rs = e.getValue();
                primary = rs.get(0).primary();
                criterion = rs.get(0).criterion();
                double[] ratio = rs.stream().mapToDouble(r -> r.error() / r.chanceError()).toArray();
                points.add(new Point(e.getKey(), rs.size(), (int) rs.stream().filter(RunView::solved).count(), median(ratio),
                        rs.stream().mapToDouble(RunView::error).filter(Double::isFinite).min().orElse(Double.NaN),
                        best(rs),
                        rs.get(0).chanceError(), (int) rs.stream().filter(r -> r.status().equals("diverged")).count()));
            }
            out.add(new Curve(model, task, primary, criterion, points));
        }));
        return out;
    }

    private static double best(List<RunView> rs) {
        java.util.stream.DoubleStream v = rs.stream().mapToDouble(RunView::primaryValue).filter(Double::isFinite);
        return (rs.get(0).primaryLowerIsBetter() ? v.min() : v.max()).orElse(Double.NaN);
    }

    static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
