package org.longlag.dynamics.metrics;

import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * D_H, the power-spectrum distance of DSR: for each dimension, the Hellinger distance between the
 * normalized, Gaussian-smoothed power spectra of the true and the generated series; averaged over
 * dimensions. It measures agreement of the time structure (frequencies) regardless of phase. Lies in
 * [0, 1]; 0 for identical spectra.
 *
 * <p>Definition as in the reference implementation (Mikhaeil et al. 2022, Hess et al. 2023; GTF-shPLRNN
 * {@code src/measures/pse.jl}, {@code power_spectrum_error} / {@code normalized_and_smoothed_power_spectrum}):
 * <ol>
 *   <li>z-score each series (mean 0, std 1);</li>
 *   <li>power spectrum |rfft(x)|^2 of the whole series, k = 0 .. floor(T/2), no window, no padding,
 *       no frequency cut-off (lengths that are not powers of two are transformed exactly, see
 *       {@link Fourier});</li>
 *   <li>smooth along frequency with a Gaussian kernel of std {@code sigma} bins (default 20, the
 *       reference's {@code PSE_smoothing}), radius 4 sigma, mirror borders; clip negative values to 0;</li>
 *   <li>normalize to sum 1;</li>
 *   <li>H(p, q) = (1/sqrt 2) sqrt(sum_k (sqrt p_k - sqrt q_k)^2).</li>
 * </ol>
 * The reference requires equal lengths; here series of different lengths are both cut to the
 * shorter length so their frequency grids match. (The older dendPLRNN {@code pse.py} instead
 * correlated dB spectra; that "power spectrum correlation" is superseded by D_H.)
 */
public final class PowerSpectrumDistance {

    /** Smoothing std in frequency bins used in the DSR literature. */
    public static final double DEFAULT_SMOOTHING = 20.0;
    /** Shortest series for which a spectrum is computed. */
    public static final int MIN_LENGTH = 4;

    private PowerSpectrumDistance() {
    }

    /** Mean over dimensions of the per-dimension D_H, with sigma = 20. */
    public static double hellinger(double[][] truth, double[][] generated) {
        return hellinger(truth, generated, DEFAULT_SMOOTHING);
    }

    /** Mean over dimensions of the per-dimension D_H. */
    public static double hellinger(double[][] truth, double[][] generated, double sigma) {
        double[] per = perDimension(truth, generated, sigma);
        double s = 0;
        for (double v : per) {
            s += v;
        }
        return s / per.length;
    }

    /**
     * D_H for each dimension.
     *
     * @param sigma smoothing std in frequency bins, finite &gt;= 0 (0: no smoothing)
     * @throws IllegalArgumentException for non-finite, ragged or too short series, mismatched
     *                                  dimensions, or a constant column (it has no spectrum to
     *                                  normalize)
     */
    public static double[] perDimension(double[][] truth, double[][] generated, double sigma) {
        int dim = Series.requireFinite("truth", truth, MIN_LENGTH);
        int dimGen = Series.requireFinite("generated", generated, MIN_LENGTH);
        Series.requireSameDimension("truth", dim, "generated", dimGen);
        Checks.nonNegative("sigma", sigma);
        int length = Math.min(truth.length, generated.length);
        double[] out = new double[dim];
        for (int j = 0; j < dim; j++) {
            double[] p = spectrum("truth", truth, j, length, sigma);
            double[] q = spectrum("generated", generated, j, length, sigma);
            out[j] = hellingerDistance(p, q);
        }
        return out;
    }

    private static double[] spectrum(String name, double[][] x, int j, int length, double sigma) {
        double[] c = new double[length];
        for (int t = 0; t < length; t++) {
            c[t] = x[t][j];
        }
        try {
            return normalizedSpectrum(c, sigma);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " column " + j + ": " + e.getMessage(), e);
        }
    }

    /**
     * The normalized, smoothed power spectrum of one series (steps 1-4 above): floor(T/2) + 1
     * non-negative values summing to 1, frequency k / T cycles per sample at index k.
     *
     * @throws IllegalArgumentException for a series shorter than {@link #MIN_LENGTH}, non-finite
     *                                  or constant
     */
    public static double[] normalizedSpectrum(double[] series, double sigma) {
        if (series == null || series.length < MIN_LENGTH) {
            throw new IllegalArgumentException("series too short: " + (series == null ? 0 : series.length)
                    + " time steps, at least " + MIN_LENGTH + " needed");
        }
        Checks.finiteVector("series", series, series.length);
        Checks.nonNegative("sigma", sigma);
        double mean = 0;
        for (double v : series) {
            mean += v;
        }
        mean /= series.length;
        double var = 0;
        for (double v : series) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / (series.length - 1));
        if (!(std > 0)) {
            throw new IllegalArgumentException("series is constant; it has no power spectrum to normalize");
        }
        double[] z = new double[series.length];
        for (int t = 0; t < z.length; t++) {
            z[t] = (series[t] - mean) / std;
        }
        double[] ps = GaussianSmoothing.smooth(Fourier.powerSpectrum(z), sigma);
        double sum = 0;
        for (int k = 0; k < ps.length; k++) {
            if (ps[k] < 0) {
                ps[k] = 0; // round-off; the kernel is positive
            }
            sum += ps[k];
        }
        for (int k = 0; k < ps.length; k++) {
            ps[k] /= sum;
        }
        return ps;
    }

    /** Hellinger distance (1/sqrt 2) ||sqrt p - sqrt q||_2 between two distributions on the same grid. */
    public static double hellingerDistance(double[] p, double[] q) {
        if (p == null || q == null || p.length != q.length) {
            throw new IllegalArgumentException("distributions must have the same length");
        }
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            double d = Math.sqrt(p[k]) - Math.sqrt(q[k]);
            s += d * d;
        }
        return Math.sqrt(s) / Math.sqrt(2.0);
    }
}
