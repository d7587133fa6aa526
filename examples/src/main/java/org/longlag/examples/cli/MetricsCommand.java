package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.longlag.dynamics.metrics.DsrComparison;
import org.longlag.dynamics.metrics.DsrMetricOptions;
import org.longlag.dynamics.metrics.DsrMetrics;
import org.longlag.dynamics.metrics.PowerSpectrumDistance;
import org.longlag.dynamics.metrics.StateSpaceDivergence;
import org.longlag.dynamics.metrics.StateSpaceMethod;
import org.longlag.dynamics.trajectory.Standardization;
import org.longlag.dynamics.trajectory.Trajectory;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.dynamics.trajectory.TrajectoryFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code longlag metrics}: D_stsp and D_H of a generated trajectory against the true one. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"D_stsp and D_H of a generated trajectory against the true one. CSV files:",
                "one row per time step, one column per dimension, optional header row. Both",
                "series are z-scored with the true series' means and standard deviations."})
final class MetricsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--true", required = true, paramLabel = "A.csv", description = "the true trajectory")
    Path truth;

    @Option(names = "--generated", required = true, paramLabel = "B.csv", description = "the generated trajectory")
    Path generated;

    @Option(names = "--bins", description = "bins per dimension of the binned D_stsp (default ${DEFAULT-VALUE})", defaultValue = "30")
    int bins;

    @Option(names = "--smoothing", description = "Gaussian smoothing of the power spectra in frequency bins (default ${DEFAULT-VALUE})", defaultValue = "20")
    double smoothing;

    @Override
    public Integer call() {
        if (bins < 1) throw new Longlag.UsageException("--bins must be at least 1, got " + bins);
        if (!(smoothing >= 0) || !Double.isFinite(smoothing)) throw new Longlag.UsageException("--smoothing must be 0 (none) or a positive number, got " + smoothing);
        double[][] a = read(truth, "--true");
        double[][] b = read(generated, "--generated");
        if (a[0].length != b[0].length) {
            throw new Longlag.UsageException("dimension mismatch: " + truth + " has " + a[0].length + " columns, "
                    + generated + " has " + b[0].length);
        }
        int common = Math.min(a.length, b.length);
        int radius = (int) Math.floor(4 * smoothing);
        if (smoothing > 0 && common / 2 + 1 <= radius) {
            throw new Longlag.UsageException(String.format(Locale.ROOT, "%s has %d rows: D_H would compare power spectra of %d frequencies smoothed "
                    + "over +-%d (--smoothing %s), flat whatever the series, so D_H near 0 would say nothing; give both at least %d rows, or a "
                    + "smaller --smoothing", a.length <= b.length ? "--true" : "--generated", common, common / 2 + 1, radius, smoothing, 2 * radius, smoothing));
        }
        DsrMetricOptions options = DsrMetricOptions.defaults().withBins(bins).withSpectrumSmoothing(smoothing);
        List<Integer> still = constantColumns(b);
        DsrComparison c;
        if (still.isEmpty()) {
            c = DsrMetrics.compareOnTruthScale(a, b, options);
        } else { // D_H has no spectrum to compare: D_stsp alone, on the true data's scale as compareOnTruthScale puts it
            Standardization scale = Standardization.fit(a);
            double[][] za = scale.apply(a), zb = scale.apply(b);
            boolean binning = a[0].length < options.gaussianMixtureFromDimension();
            double d = binning ? StateSpaceDivergence.binned(za, zb, bins, options.binRange())
                    : StateSpaceDivergence.gaussianMixture(za, zb, options.gaussianMixture(), new java.util.SplittableRandom(options.seed()));
            c = new DsrComparison(d, Double.NaN, binning ? StateSpaceMethod.BINNING : StateSpaceMethod.GAUSSIAN_MIXTURE, new double[a[0].length]);
        }
        PrintWriter o = spec.commandLine().getOut();
        String method = c.dstspMethod() == StateSpaceMethod.BINNING ? bins + " bins per dimension" : "Gaussian mixture";
        if (Double.isNaN(c.dstsp())) {
            o.printf(Locale.ROOT, "D_stsp = undefined  (state-space KL divergence, %s: none of the %d generated rows falls within the true data's "
                    + "bins, its range +- 0.1 std per dimension; the generated trajectory lies elsewhere%s)%n", method, b.length,
                    still.isEmpty() ? "" : ", at a fixed point");
        } else {
            o.printf(Locale.ROOT, "D_stsp = %.6g  (state-space KL divergence, %s)%n", c.dstsp(), method);
        }
        String over = a.length == b.length ? "" : String.format(Locale.ROOT, ", over the first %d rows of both", common);
        if (!still.isEmpty()) {
            o.printf(Locale.ROOT, "D_H    = undefined  (the generated series is constant in column%s %s: a fixed point has no power spectrum)%n",
                    still.size() == 1 ? "" : "s", columns(still));
        } else {
            o.printf(Locale.ROOT, "D_H    = %.6g  (Hellinger distance of power spectra, smoothing %s, mean of %d dimensions%s)%n",
                    c.dh(), smoothing, a[0].length, over);
        }
        o.printf(Locale.ROOT, "rows: true %d, generated %d%s%n", a.length, b.length,
                a.length == b.length ? "" : String.format(Locale.ROOT, " (D_stsp uses all rows; D_H the first %d of each, the shorter one's length)", common));
        if (smoothing > 0 && common / 2 + 1 < 4 * radius) {
            o.printf(Locale.ROOT, "warning: %d rows give %d frequencies, few against the smoothing (+-%d): D_H comes out too low; "
                    + "give longer series (%d rows or more) or a smaller --smoothing%n", common, common / 2 + 1, radius, 8 * radius);
        }
        if (c.dstspMethod() == StateSpaceMethod.BINNING && !Double.isNaN(c.dstsp())) {
            int occupied = StateSpaceDivergence.occupiedBins(a, bins, options.binRange());
            if (occupied > 0.8 * a.length) {
                o.printf(Locale.ROOT, "warning: --bins %d: the %d true rows fall into %d bins, most of them alone, so D_stsp says little more "
                        + "than whether the two trajectories share points (the literature uses %d bins per dimension)%n",
                        bins, a.length, occupied, StateSpaceDivergence.DEFAULT_BINS);
            }
        }
        o.flush();
        return 0;
    }

    /** Columns whose values are all the same up to rounding (a free run at a fixed point). */
    static List<Integer> constantColumns(double[][] rows) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < rows[0].length; j++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double[] r : rows) {
                min = Math.min(min, r[j]);
                max = Math.max(max, r[j]);
            }
            if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) out.add(j);
        }
        return out;
    }

    /** 1-based column numbers, "1, 3". */
    static String columns(List<Integer> cols) {
        StringBuilder sb = new StringBuilder();
        for (int j : cols) sb.append(sb.length() == 0 ? "" : ", ").append(j + 1);
        return sb.toString();
    }

    /** The file's rows, or a one-line error naming the file and the problem. */
    private static double[][] read(Path file, String option) {
        try {
            Trajectory t = TrajectoryCsv.read(file, PowerSpectrumDistance.MIN_LENGTH);
            return t.toArray();
        } catch (NoSuchFileException e) {
            throw new Longlag.UsageException(option + ": no such file: " + file);
        } catch (TrajectoryFormatException e) {
            throw new Longlag.UsageException(option + ": " + e.getMessage());
        } catch (IOException e) {
            throw new Longlag.UsageException(option + ": cannot read " + file + ": " + Longlag.describe(e));
        }
    }
}
