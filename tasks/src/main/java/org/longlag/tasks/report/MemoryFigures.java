package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

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

    private static boolean logLags(List<MemoryLength.Curve> cs) {
        double lo = Double.MAX_VALUE, hi = 0;
        for (MemoryLength.Curve c : cs) for (MemoryLength.Point p : c.points()) {
            lo = Math.min(lo, p.lag());
            hi = Math.max(hi, p.lag());
        }
        return hi / lo >= 10;
    }

    private static Figure success(String task, List<MemoryLength.Curve> cs, List<String> models) {
        String criterion = cs.get(0).criterion();
        XYChart c = Charts.xy("Success vs lag: " + task, "lag T", "fraction of seeds solved");
        c.getStyler().setXAxisLogarithmic(logLags(cs));
        c.getStyler().setYAxisMin(-0.02);
        c.getStyler().setYAxisMax(1.02);
        for (MemoryLength.Curve curve : cs) {
            double[] x = curve.points().stream().mapToDouble(MemoryLength.Point::lag).toArray();
            double[] y = curve.points().stream().mapToDouble(p -> p.seeds() == 0 ? 0 : (double) p.solved() / p.seeds()).toArray();
            XYSeries s = c.addSeries(curve.model(), x, y);
            s.setLineColor(Charts.color(models.indexOf(curve.model())));
            s.setMarkerColor(Charts.color(models.indexOf(curve.model())));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(Charts.solid(2f));
        }
        return new Figure("success-" + slug(task), "Success vs lag: " + task,
                "Fraction of seeds whose test score meets the task's criterion (" + criterion + ") at each lag. "
                        + "A model's memory length is the largest lag where more than half of its seeds succeed.", Charts.png(c));
    }

    private static Figure error(String task, List<MemoryLength.Curve> cs, List<String> models) {
        XYChart c = Charts.xy("Test error vs lag: " + task, "lag T", "median test error / chance error");
        c.getStyler().setXAxisLogarithmic(logLags(cs));
        c.getStyler().setYAxisLogarithmic(true);
        double xmin = Double.MAX_VALUE, xmax = 0;
        for (MemoryLength.Curve curve : cs) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (MemoryLength.Point p : curve.points()) {
                if (!(p.medianErrorToChance() > 0) || !Double.isFinite(p.medianErrorToChance())) continue;
                x.add((double) p.lag());
                y.add(p.medianErrorToChance());
                xmin = Math.min(xmin, p.lag());
                xmax = Math.max(xmax, p.lag());
            }
            if (x.isEmpty()) continue;
            XYSeries s = c.addSeries(curve.model(), Charts.toArray(x), Charts.toArray(y));
            s.setLineColor(Charts.color(models.indexOf(curve.model())));
            s.setMarkerColor(Charts.color(models.indexOf(curve.model())));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(Charts.solid(2f));
        }
        if (xmax > 0) {
            XYSeries chance = c.addSeries("chance", new double[] {xmin, xmax}, new double[] {1, 1});
            chance.setLineColor(java.awt.Color.GRAY);
            chance.setLineStyle(Charts.dashed());
            chance.setMarker(SeriesMarkers.NONE);
        }
        double chanceError = cs.get(0).points().get(0).chanceError();
        return new Figure("error-" + slug(task), "Test error vs lag: " + task,
                String.format(Locale.ROOT, "Median over seeds of the test error divided by the error of the best memoryless predictor "
                        + "(chance, %.4g): 1 is chance level, lower is better (log scale).", chanceError), Charts.png(c));
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
