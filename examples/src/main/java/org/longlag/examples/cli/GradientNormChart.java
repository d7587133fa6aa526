package org.longlag.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.longlag.models.diagnostics.StabilitySnapshot;

/** Gradient norm vs lag on a log scale, one line per checkpoint, as a PNG (JFreeChart, headless). */
final class GradientNormChart {

    private GradientNormChart() {
    }

    /** Norms that are zero (flushed) or not finite cannot be drawn on a log axis and are left out. */
    static void write(Path png, String title, List<StabilitySnapshot> snapshots) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (StabilitySnapshot s : snapshots) {
            XYSeries series = new XYSeries("step " + s.step() + " (exp(b) = " + String.format(java.util.Locale.ROOT, "%.4g", s.gradientFit().factor()) + ")");
            for (int k = 0; k < s.gradients().length(); k++) {
                double v = s.gradients().norm(k);
                if (v > 0 && Double.isFinite(v)) series.add(k, v);
            }
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis("lag k (steps before the loss)");
        LogAxis y = new LogAxis("||dL/dz_{T-k}||");
        y.setSmallestValue(1e-300);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < snapshots.size(); i++) lines.setSeriesStroke(i, new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(title));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    }
}
