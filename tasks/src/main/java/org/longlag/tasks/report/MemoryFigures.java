package org.longlag.tasks.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** Success against lag and error against lag, one figure each per memory task, a line per model. */
final class MemoryFigures {

    private MemoryFigures() {
    }

    static List<Figure> of(List<MemoryLength.Curve> curves, List<String> models) {
        Set<String> tasks = new LinkedHashSet<>();
        for (MemoryLength.Curve c : curves) tasks.add(c.task());
        List<Figure> out = new ArrayList<>();
        for (String task : tasks) {
            List<MemoryLength.Curve> cs = curves.stream().filter(c -> c.task().equals(task)).toList();
            out.add(success(task, cs, models));
            out.add(error(task, cs, models));
        }
        return out;
    }

    /** Lags on a log axis once they span a decade. */
    private static boolean logLags(List<MemoryLength.Curve> cs) {
        double lo = Double.MAX_VALUE, hi = 0;
        for (MemoryLength.Curve c : cs) for (MemoryLength.Point p : c.points()) {
            lo = Math.min(lo, p.lag());
            hi = Math.max(hi, p.lag());
        }
        return hi / lo >= 10;
    }

    /**
     * The lag of model number {@code i} of {@code n}, moved slightly sideways (by up to 2% of the
     * axis) so that models with the same value at a lag do not hide each other.
     */
    private static double dodge(double lag, int i, int n, List<MemoryLength.Curve> cs) {
        if (cs.stream().flatMap(c -> c.points().stream()).mapToInt(MemoryLength.Point::lag).distinct().count() < 2) return lag;
        double shift = (i - (n - 1) / 2.0) * 0.04 / Math.max(1, n - 1);
        if (logLags(cs)) return lag * Math.pow(10, shift * Math.log10(span(cs)));
        return lag + shift * (span(cs) - 1) * lo(cs);
    }

    private static double lo(List<MemoryLength.Curve> cs) {
        return cs.stream().flatMap(c -> c.points().stream()).mapToDouble(MemoryLength.Point::lag).min().orElse(1);
    }

    private static double span(List<MemoryLength.Curve> cs) {
        double lo = lo(cs), hi = cs.stream().flatMap(c -> c.points().stream()).mapToDouble(MemoryLength.Point::lag).max().orElse(1);
        return Math.max(hi / lo, 1.5);
    }

    private static ValueAxis lagAxis(List<MemoryLength.Curve> cs) {
        ValueAxis a = Charts.axis("lag T", logLags(cs), "0");
        if (a instanceof NumberAxis) ((NumberAxis) a).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    private static Figure success(String task, List<MemoryLength.Curve> cs, List<String> models) {
        Charts.Lines lines = new Charts.Lines();
        for (int i = 0; i < cs.size(); i++) {
            MemoryLength.Curve curve = cs.get(i);
            final int k = i;
            double[] x = curve.points().stream().mapToDouble(p -> dodge(p.lag(), k, cs.size(), cs)).toArray();
            double[] y = curve.points().stream().mapToDouble(p -> p.seeds() == 0 ? 0 : (double) p.solved() / p.seeds()).toArray();
            lines.add(curve.model(), x, y, Charts.color(models.indexOf(curve.model())), Charts.solid(2f), true);
        }
        NumberAxis y = (NumberAxis) Charts.axis("fraction of seeds solved", false, "");
        y.setRange(-0.03, 1.03);
        return new Figure("success-" + slug(task), "Success vs lag: " + task,
                "Fraction of seeds whose test score meets the task's criterion (" + cs.get(0).criterion() + ") at each lag. "
                        + "A model's memory length is the largest lag where more than half of its seeds succeed. "
                        + "Points are moved slightly sideways so that models with equal values stay visible.",
                Charts.png(lines.chart("Success vs lag: " + task, lagAxis(cs), y), Charts.WIDTH, Charts.HEIGHT));
    }

    private static Figure error(String task, List<MemoryLength.Curve> cs, List<String> models) {
        Charts.Lines lines = new Charts.Lines();
        double xmin = Double.MAX_VALUE, xmax = 0;
        for (int i = 0; i < cs.size(); i++) {
            MemoryLength.Curve curve = cs.get(i);
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (MemoryLength.Point p : curve.points()) {
                if (!(p.medianErrorToChance() > 0) || !Double.isFinite(p.medianErrorToChance())) continue;
                x.add(dodge(p.lag(), i, cs.size(), cs));
                y.add(p.medianErrorToChance());
                xmin = Math.min(xmin, p.lag());
                xmax = Math.max(xmax, p.lag());
            }
            if (!x.isEmpty()) lines.add(curve.model(), Charts.toArray(x), Charts.toArray(y), Charts.color(models.indexOf(curve.model())), Charts.solid(2f), true);
        }
        if (xmax > 0) lines.add("chance", new double[] {xmin, xmax}, new double[] {1, 1}, Color.GRAY, Charts.dashed(), false);
        double chanceError = cs.get(0).points().get(0).chanceError();
        return new Figure("error-" + slug(task), "Test error vs lag: " + task,
                String.format(Locale.ROOT, "Median over seeds of the test error divided by the error of the best memoryless predictor "
                        + "(chance, %.4g): 1 is chance level, lower is better (log scale).", chanceError),
                Charts.png(lines.chart("Test error vs lag: " + task, lagAxis(cs), Charts.axis("median test error / chance error", true, "0.###")),
                        Charts.WIDTH, Charts.HEIGHT));
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
