package org.longlag.tasks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** JFreeChart set up the same way for every figure of a report: white background, one palette, legend on the right, PNG bytes. */
final class Charts {

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    /** The "Tableau 10" palette: distinct for up to ten models. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Marker shapes, one per series in turn, so that overlapping series can be told apart. */
    private static final Shape[] SHAPES = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();

    private Charts() {
    }

    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static Color light(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 120);
    }

    static Stroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** An axis: logarithmic (base 10, the given tick format) or linear. */
    static ValueAxis axis(String title, boolean log, String logFormat) {
        ValueAxis a;
        if (log) {
            LogAxis l = new LogAxis(title);
            l.setBase(10);
            l.setSmallestValue(1e-300);
            l.setNumberFormatOverride(new DecimalFormat(logFormat));
            l.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole decades: 0.01, 0.1, 1 (or 10, 100 for lags)
            l.setMinorTickMarksVisible(true);
            a = l;
        } else {
            NumberAxis n = new NumberAxis(title);
            n.setAutoRangeIncludesZero(false);
            a = n;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    /** Lines (with or without markers) in one XY plot; series keep the order their points were added in. */
    static final class Lines {
        private final XYSeriesCollection data = new XYSeriesCollection();
        private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);

        void add(String name, double[] x, double[] y, Color color, Stroke stroke, boolean markers) {
            XYSeries s = new XYSeries(name, false, true);
            for (int i = 0; i < x.length; i++) s.add(x[i], y[i]);
            int k = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(k, color);
            renderer.setSeriesStroke(k, stroke);
            renderer.setSeriesShapesVisible(k, markers);
            renderer.setSeriesShape(k, SHAPES[k % SHAPES.length]);
        }

        boolean isEmpty() {
            return data.getSeriesCount() == 0;
        }

        JFreeChart chart(String title, ValueAxis x, ValueAxis y) {
            XYPlot plot = new XYPlot(data, x, y, renderer);
            return Charts.chart(title, plot);
        }
    }

    static JFreeChart chart(String title, Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot) {
            ((XYPlot) plot).setDomainGridlinePaint(new Color(220, 220, 220));
            ((XYPlot) plot).setRangeGridlinePaint(new Color(220, 220, 220));
        }
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setItemFont(TICK);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return c;
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the chart '" + chart.getTitle().getText() + "'", e);
        }
    }

    static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
