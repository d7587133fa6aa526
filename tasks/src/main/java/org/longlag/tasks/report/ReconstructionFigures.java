package org.longlag.tasks.report;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.longlag.dynamics.trajectory.Trajectory;
import org.longlag.dynamics.trajectory.TrajectoryCsv;

/**
 * Figures of memoryless generalization: each headline metric ({@link Reconstruction#headline}: D_stsp,
 * D_H, prediction error) of each reconstruction task per model (mean over seeds, with the standard
 * deviation as an error bar; every metric is in the table of all runs), and the generated trajectory of each
 * model drawn over the true one.
 */
final class ReconstructionFigures {

    /** Artifact names that hold a run's freely generated and its true trajectory (CSV files beside the store). */
    static final String GENERATED = org.longlag.tasks.dsr.ReconstructionTask.GENERATED_ARTIFACT;
    static final String TRUE = org.longlag.tasks.dsr.ReconstructionTask.TRUE_ARTIFACT;

    private ReconstructionFigures() {
    }

    static List<Figure> metrics(List<RunView> runs, List<String> models) {
        List<Figure> out = new ArrayList<>();
        List<Reconstruction.Summary> all = Reconstruction.summaries(runs);
        for (String task : Reconstruction.tasks(runs)) {
            for (String metric : Reconstruction.headline(runs, task)) {
                List<Reconstruction.Summary> s = all.stream().filter(x -> x.task().equals(task) && x.metric().equals(metric) && x.values().length > 0).toList();
                if (s.isEmpty()) continue;
                DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
                for (Reconstruction.Summary x : s) data.add(x.mean(), x.sd(), metric, x.model());
                StatisticalBarRenderer bars = new StatisticalBarRenderer() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public java.awt.Paint getItemPaint(int row, int column) {
                        return Charts.color(models.indexOf(s.get(column).model()));
                    }
                };
                bars.setErrorIndicatorPaint(Color.DARK_GRAY);
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
                NumberAxis y = new NumberAxis(metric);
                CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("model"), y, bars);
                plot.setRangeGridlinePaint(new Color(220, 220, 220));
                JFreeChart c = Charts.chart(metric + " on " + task, plot);
                c.removeLegend();
                out.add(new Figure("dsr-" + MemoryFigures.slug(task) + "-" + MemoryFigures.slug(metric), metric + " on " + task,
                        "Mean over seeds (bar) and standard deviation (error bar) of " + metric + " of the freely generated trajectory"
                                + " on the reconstruction task " + task + "; lower is better for divergences and errors."
                                + chanceNote(runs, task, metric),
                        Charts.png(c, Charts.WIDTH, Charts.HEIGHT)));
            }
        }
        return out;
    }

    private static String chanceNote(List<RunView> runs, String task, String metric) {
        double chance = Reconstruction.chance(runs, task, metric);
        return Double.isNaN(chance) ? "" : " A memoryless stand-in scores " + HtmlReport.fmt(chance)
                + " (for reconstruction: independent Gaussian draws with the test data's means and standard deviations).";
    }

    /**
     * Per reconstruction task, one figure per model: the trajectory the trained model generates
     * freely (from the run with the lowest first headline metric) drawn over the true trajectory.
     * Runs without both trajectory artifacts are skipped.
     */
    static List<Figure> attractors(List<RunView> runs, Path storeDir, List<String> models) {
        List<Figure> out = new ArrayList<>();
        for (String task : Reconstruction.tasks(runs)) {
            List<String> headline = Reconstruction.headline(runs, task);
            String rank = headline.isEmpty() ? "error" : headline.get(0);
            Map<String, RunView> best = new LinkedHashMap<>();
            runs.stream().filter(r -> r.task().equals(task) && r.scored() && r.artifacts().containsKey(GENERATED) && r.artifacts().containsKey(TRUE))
                    .sorted(Comparator.comparingDouble(r -> r.metrics().getOrDefault(rank, Double.POSITIVE_INFINITY)))
                    .forEach(r -> best.putIfAbsent(r.group(), r));
            for (RunView r : best.values()) {
                Figure f = attractor(r, storeDir, Charts.color(models.indexOf(r.group())), rank);
                if (f != null) out.add(f);
            }
        }
        return out;
    }

    private static Figure attractor(RunView r, Path storeDir, Color color, String rank) {
        Trajectory generated, truth;
        try {
            Path g = storeDir.resolve(r.artifacts().get(GENERATED)), t = storeDir.resolve(r.artifacts().get(TRUE));
            if (!Files.exists(g) || !Files.exists(t)) return null;
            generated = TrajectoryCsv.read(g);
            truth = TrajectoryCsv.read(t);
        } catch (Exception e) {
            return null;
        }
        int d = Math.min(generated.dimension(), truth.dimension());
        int a = 0, b = d >= 3 ? 2 : 1;
        String xName = d >= 2 ? name(truth, a) : "time step", yName = d >= 2 ? name(truth, b) : name(truth, 0);
        Charts.Lines lines = new Charts.Lines();
        addPath(lines, "true", truth, a, b, d, new Color(150, 150, 150, 150), 1.2f);
        addPath(lines, "generated", generated, a, b, d, color, 1.4f);
        JFreeChart c = lines.chart(r.group() + ": generated vs true (seed " + r.seed() + ")", Charts.axis(xName, false, ""), Charts.axis(yName, false, ""));
        Double score = r.metrics().get(rank);
        return new Figure("attractor-" + MemoryFigures.slug(r.task()) + "-" + MemoryFigures.slug(r.group()),
                r.group() + ": generated vs true attractor (" + r.task() + ")",
                "The trajectory the trained model generates freely (colour) over the true trajectory (grey), projected on "
                        + xName + " and " + yName + "; run " + r.id() + (score == null ? "" : ", " + rank + " = " + String.format(java.util.Locale.ROOT, "%.4g", score))
                        + " (the best seed by " + rank + ").", Charts.png(c, 560, 460));
    }

    private static void addPath(Charts.Lines lines, String name, Trajectory t, int a, int b, int d, Color color, float width) {
        int n = Math.min(t.length(), 20_000);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d >= 2 ? t.value(i, a) : i;
            y[i] = d >= 2 ? t.value(i, b) : t.value(i, 0);
        }
        lines.add(name, x, y, color, Charts.solid(width), false);
    }

    private static String name(Trajectory t, int j) {
        List<String> names = t.columnNamesOrDefault();
        return j < names.size() ? names.get(j) : "x" + j;
    }
}
