package org.longlag.dynamics.metrics;

import java.util.SplittableRandom;
import org.longlag.dynamics.internal.Series;
import org.longlag.dynamics.trajectory.Standardization;
import org.longlag.dynamics.trajectory.Trajectory;

/**
 * One call for the standard DSR comparison of a generated trajectory with the true one: D_stsp
 * ({@link StateSpaceDivergence}, binned below 6 dimensions, Gaussian mixture above) and D_H
 * ({@link PowerSpectrumDistance}).
 *
 * <pre>{@code
 * DsrComparison c = DsrMetrics.compare(truth, generated);
 * System.out.println(c.dstsp() + " " + c.dh());
 * }</pre>
 * Both series are used as given: standardize the true data first and put the generated data on the
 * same scale (e.g. with the true data's {@code Standardization}), as the reference evaluations do.
 */
public final class DsrMetrics {

    private DsrMetrics() {
    }

    /** D_stsp and D_H with the literature's default settings. */
    public static DsrComparison compare(double[][] truth, double[][] generated) {
        return compare(truth, generated, DsrMetricOptions.defaults());
    }

    /** D_stsp and D_H of two trajectories' data, default settings. */
    public static DsrComparison compare(Trajectory truth, Trajectory generated) {
        if (truth == null || generated == null) {
            throw new IllegalArgumentException("trajectories must not be null");
        }
        return compare(truth.toArray(), generated.toArray());
    }

    /**
     * D_stsp and D_H after putting both series on the true data's scale: each is z-scored with the
     * true data's means and standard deviations. Use this for raw (unstandardized) data; the
     * Gaussian-mixture D_stsp in particular assumes unit-scale data.
     */
    public static DsrComparison compareOnTruthScale(double[][] truth, double[][] generated, DsrMetricOptions options) {
        Series.requireFinite("truth", truth, PowerSpectrumDistance.MIN_LENGTH);
        Series.requireFinite("generated", generated, PowerSpectrumDistance.MIN_LENGTH);
        Standardization scale;
        try {
            scale = Standardization.fit(truth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("truth: " + e.getMessage(), e);
        }
        Series.requireSameDimension("truth", scale.dimension(), "generated", generated[0].length);
        return compare(scale.apply(truth), scale.apply(generated), options);
    }

    /**
     * D_stsp and D_H.
     *
     * @throws IllegalArgumentException for non-finite, ragged or too short series, mismatched
     *                                  dimensions or constant true columns
     */
    public static DsrComparison compare(double[][] truth, double[][] generated, DsrMetricOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        int dim = Series.requireFinite("truth", truth, PowerSpectrumDistance.MIN_LENGTH);
        int dimGen = Series.requireFinite("generated", generated, PowerSpectrumDistance.MIN_LENGTH);
        Series.requireSameDimension("truth", dim, "generated", dimGen);

        double dstsp;
        StateSpaceMethod method;
        if (dim < options.gaussianMixtureFromDimension()) {
            method = StateSpaceMethod.BINNING;
            dstsp = StateSpaceDivergence.binned(truth, generated, options.bins(), options.binRange());
        } else {
            method = StateSpaceMethod.GAUSSIAN_MIXTURE;
            dstsp = StateSpaceDivergence.gaussianMixture(truth, generated, options.gaussianMixture(),
                    new SplittableRandom(options.seed()));
        }
        double[] perDim = PowerSpectrumDistance.perDimension(truth, generated, options.spectrumSmoothing());
        double mean = 0;
        for (double v : perDim) {
            mean += v;
        }
        return new DsrComparison(dstsp, mean / perDim.length, method, perDim);
    }
}
