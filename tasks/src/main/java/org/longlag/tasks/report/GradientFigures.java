package org.longlag.tasks.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradient norm ||dL/dz_{T-k}|| against the lag k, at initialization (dashed) and after training
 * (solid), one figure per memory task at its longest lag with measurements; per model, the
 * geometric mean over seeds.
 */
final class GradientFigures {

    private GradientFigures() {
    }

    static List<Figure> of(List<RunView> runs, List<String> models) {
        Set<String> tasks = new LinkedHashSet<>();
        for (RunView r : runs) if (r.memoryTask() && r.scored() && r.gradientLags().length > 0) tasks.add(r.task());
        List<Figure> out = new ArrayList<>();
        for (String task : tasks) {
            int lag = runs.stream().filter(r -> r.task().equals(task) && r.scored() && r.gradientLags().length > 0).mapToInt(RunView::lag).max().orElseThrow();
            Map<String, List<RunView>> byModel = new LinkedHashMap<>();
            for (RunView r : runs) {
                if (r.task().equals(task) && r.lag() == lag && r.scored() && r.gradientLags().length > 0) {
                    byModel.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
                }
            }
            Charts.Lines lines = new Charts.Lines();
            for (Map.Entry<String, List<RunView>> e : byModel.entrySet()) {
                Color color = Charts.color(models.indexOf(e.getKey()));
                add(lines, e.getKey() + " init", e.getValue(), true, color);
                add(lines, e.getKey() + " trained", e.getValue(), false, color);
            }
            if (lines.isEmpty()) continue;
            String title = "Gradient norm vs lag: " + task + ", T = " + lag;
            out.add(new Figure("gradients-" + MemoryFigures.slug(task), "Gradient norm vs lag: " + task + " (T = " + lag + ")",
                    "Norm of the loss gradient with respect to the hidden state k steps before the loss, on one fixed batch, "
                            + "at initialization (dashed) and after training (solid); geometric mean over seeds, log scale. "
                            + "A curve that falls steeply with k means vanishing gradients: the loss cannot reach inputs that far back.",
                    Charts.png(lines.chart(title, lagAxis(), Charts.axis("||dL/dz(T-k)||", true, "0E0")),
                            Charts.WIDTH, Charts.HEIGHT + 60)));
        }
        return out;
    }

    private static org.jfree.chart.axis.ValueAxis lagAxis() {
        org.jfree.chart.axis.NumberAxis a = (org.jfree.chart.axis.NumberAxis) Charts.axis("lag k (steps back from the loss)", false, "");
        a.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    private static void add(Charts.Lines lines, String name, List<RunView> runs, boolean initial, Color color) {
        int[] lags = runs.get(0).gradientLags();
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            double logSum = 0;
            int n = 0;
            for (RunView r : runs) {
                double[] v = initial ? r.gradientInitial() : r.gradientTrained();
                if (r.gradientLags().length != lags.length || i >= v.length || !(v[i] > 0) || !Double.isFinite(v[i])) continue;
                logSum += Math.log(v[i]);
                n++;
            }
            if (n == 0) continue;
            x.add((double) lags[i]);
            y.add(Math.exp(logSum / n));
        }
        if (x.size() < 2) return;
        lines.add(name, Charts.toArray(x), Charts.toArray(y), initial ? Charts.light(color) : color, initial ? Charts.dashed() : Charts.solid(2.2f), false);
    }
}
