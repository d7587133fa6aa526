package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.longlag.dynamics.metrics.DsrComparison;
import org.longlag.dynamics.metrics.DsrMetricOptions;
import org.longlag.dynamics.metrics.DsrMetrics;
import org.longlag.dynamics.metrics.PowerSpectrumDistance;
import org.longlag.dynamics.metrics.StateSpaceMethod;
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
        double[][] a = read(truth, "--true");
        double[][] b = read(generated, "--generated");
        if (a[0].length != b[0].length) {
            throw new Longlag.UsageException("dimension mismatch: " + truth + " has " + a[0].length + " columns, "
                    + generated + " has " + b[0].length);
        }
        DsrMetricOptions options = DsrMetricOptions.defaults().withBins(bins).withSpectrumSmoothing(smoothing);
        DsrComparison c = DsrMetrics.compareOnTruthScale(a, b, options);
        PrintWriter o = spec.commandLine().getOut();
        String method = c.dstspMethod() == StateSpaceMethod.BINNING ? bins + " bins per dimension" : "Gaussian mixture";
        o.printf(Locale.ROOT, "D_stsp = %.6g  (state-space KL divergence, %s)%n", c.dstsp(), method);
        o.printf(Locale.ROOT, "D_H    = %.6g  (Hellinger distance of power spectra, smoothing %s, mean of %d dimensions)%n",
                c.dh(), smoothing, a[0].length);
        o.printf(Locale.ROOT, "rows: true %d, generated %d%n", a.length, b.length);
        o.flush();
        return 0;
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
            throw new Longlag.UsageException(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
