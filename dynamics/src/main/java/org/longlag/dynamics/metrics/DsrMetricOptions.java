package org.longlag.dynamics.metrics;

import org.longlag.dynamics.internal.Checks;

/**
 * Settings for {@link DsrMetrics#compare}.
 *
 * @param bins                       bins per dimension for binned D_stsp, &gt;= 1 (default 30)
 * @param binRange                   bin edges for binned D_stsp (default {@link BinRange#DATA_RANGE})
 * @param gaussianMixtureFromDimension use the Gaussian-mixture D_stsp from this dimension on, &gt;= 1
 *                                   (default 6, the reference's rule)
 * @param gaussianMixture            Gaussian-mixture settings (default: the reference's)
 * @param spectrumSmoothing          D_H smoothing std in frequency bins, &gt;= 0 (default 20)
 * @param seed                       seed of the Monte Carlo samples of the Gaussian-mixture estimate
 */
public record DsrMetricOptions(int bins, BinRange binRange, int gaussianMixtureFromDimension,
                               GaussianMixtureOptions gaussianMixture, double spectrumSmoothing, long seed) {

    public DsrMetricOptions {
        Checks.atLeast("bins", bins, 1);
        if (binRange == null || gaussianMixture == null) {
            throw new IllegalArgumentException("binRange and gaussianMixture must not be null");
        }
        Checks.atLeast("gaussianMixtureFromDimension", gaussianMixtureFromDimension, 1);
        Checks.nonNegative("spectrumSmoothing", spectrumSmoothing);
    }

    /** The settings of the DSR literature (GTF-shPLRNN defaults). */
    public static DsrMetricOptions defaults() {
        return new DsrMetricOptions(StateSpaceDivergence.DEFAULT_BINS, BinRange.DATA_RANGE,
                StateSpaceDivergence.GAUSSIAN_MIXTURE_FROM_DIMENSION, GaussianMixtureOptions.defaults(),
                PowerSpectrumDistance.DEFAULT_SMOOTHING, StateSpaceDivergence.DEFAULT_SEED);
    }

    public DsrMetricOptions withBins(int value) {
        return new DsrMetricOptions(value, binRange, gaussianMixtureFromDimension, gaussianMixture,
                spectrumSmoothing, seed);
    }

    public DsrMetricOptions withBinRange(BinRange value) {
        return new DsrMetricOptions(bins, value, gaussianMixtureFromDimension, gaussianMixture,
                spectrumSmoothing, seed);
    }

    public DsrMetricOptions withGaussianMixtureFromDimension(int value) {
        return new DsrMetricOptions(bins, binRange, value, gaussianMixture, spectrumSmoothing, seed);
    }

    public DsrMetricOptions withGaussianMixture(GaussianMixtureOptions value) {
        return new DsrMetricOptions(bins, binRange, gaussianMixtureFromDimension, value, spectrumSmoothing, seed);
    }

    public DsrMetricOptions withSpectrumSmoothing(double value) {
        return new DsrMetricOptions(bins, binRange, gaussianMixtureFromDimension, gaussianMixture, value, seed);
    }

    public DsrMetricOptions withSeed(long value) {
        return new DsrMetricOptions(bins, binRange, gaussianMixtureFromDimension, gaussianMixture,
                spectrumSmoothing, value);
    }
}
