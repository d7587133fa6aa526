package org.longlag.dynamics.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * D_stsp, the state-space divergence of DSR: the Kullback-Leibler divergence KL(p_true || p_gen)
 * between the distributions of states visited by the true and by the generated trajectory. It
 * measures geometric (attractor) agreement regardless of timing. Lower is better, 0 for identical
 * occupation.
 *
 * <p>Two estimates, as in the Durstewitz lab's reference code (Koppe et al. 2019, Brenner et al.
 * 2022, Hess et al. 2023; GTF-shPLRNN {@code src/measures/stsp_measure.jl}, dendPLRNN
 * {@code BPTT_TF/evaluation/klx.py} and {@code klx_gmm.py}):
 * <ul>
 *   <li>{@link #binned}: for low dimensions (the reference uses it for N &lt; 6). A histogram with
 *       {@code bins} equal bins per dimension on edges from the true data (see {@link BinRange});
 *       left-closed bins, points outside dropped; Laplace smoothing
 *       p = (count + alpha) / (total + alpha * bins^N) with alpha = 1e-5; then
 *       KL = sum_b p_b log(p_b / q_b). NaN if no generated point falls in the range (as the
 *       reference). Empty bins are summed in closed form, so memory grows with the number of
 *       occupied bins, not bins^N.</li>
 *   <li>{@link #gaussianMixture}: for higher dimensions. Each trajectory defines a mixture with an
 *       isotropic Gaussian N(x_t, sigma^2 I) on each of its (first {@code maxLength}) points; KL of
 *       the true mixture to the generated one is estimated by Monte Carlo (Hershey &amp; Olsen 2007):
 *       draw samples from the true mixture (a uniformly chosen true point plus Gaussian noise) and
 *       average log p(s) - log q(s). Densities are evaluated in log space (log-sum-exp), so unlike
 *       the reference, which works in float32 and drops samples whose density underflows to 0, every
 *       sample counts; where the reference's densities are non-zero the two agree.</li>
 * </ul>
 * Both directions are KL(true || generated), the reference's. Compute on data on the scale the
 * reference assumes: standardized true data, with the generated data on the same scale.
 */
public final class StateSpaceDivergence {

    /** Bins per dimension in the DSR literature. */
    public static final int DEFAULT_BINS = 30;
    /** Laplace smoothing pseudo-count per bin (reference: 1e-5). */
    public static final double LAPLACE_ALPHA = 1e-5;
    /** The reference uses binning below this dimension and the Gaussian mixture from it on. */
    public static final int GAUSSIAN_MIXTURE_FROM_DIMENSION = 6;
    /** Seed for the Monte Carlo estimate when none is given, so repeated calls agree. */
    public static final long DEFAULT_SEED = 20210503L;

    private StateSpaceDivergence() {
    }

    /**
     * The reference's choice: {@link #binned} with 30 bins and {@link BinRange#DATA_RANGE} below 6
     * dimensions, else {@link #gaussianMixture} with default options and seed.
     */
    public static double of(double[][] truth, double[][] generated) {
        int dim = Series.requireFinite("truth", truth, 2);
        return dim < GAUSSIAN_MIXTURE_FROM_DIMENSION
                ? binned(truth, generated)
                : gaussianMixture(truth, generated);
    }

    /** Binned D_stsp with 30 bins per dimension on {@link BinRange#DATA_RANGE}. */
    public static double binned(double[][] truth, double[][] generated) {
        return binned(truth, generated, DEFAULT_BINS, BinRange.DATA_RANGE);
    }

    /**
     * Binned D_stsp.
     *
     * @param bins  bins per dimension, &gt;= 1
     * @param range how bin edges are set from the true data
     * @return KL(p_true || p_gen) in nats, or NaN if no generated point falls within the bins
     * @throws IllegalArgumentException for non-finite, ragged or too short (&lt; 2 steps) series,
     *                                  mismatched dimensions, a constant true dimension, or more
     *                                  bins in total than a long can count
     */
    public static double binned(double[][] truth, double[][] generated, int bins, BinRange range) {
        int dim = Series.requireFinite("truth", truth, 2);
        int dimGen = Series.requireFinite("generated", generated, 1);
        Series.requireSameDimension("truth", dim, "generated", dimGen);
        Checks.atLeast("bins", bins, 1);
        if (range == null) {
            throw new IllegalArgumentException("range must not be null");
        }
        long totalBins = 1;
        for (int j = 0; j < dim; j++) {
            try {
                totalBins = Math.multiplyExact(totalBins, bins);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(bins + " bins in each of " + dim
                        + " dimensions are too many to count; use the Gaussian-mixture estimate", e);
            }
        }

        double[] mean = Series.means(truth);
        double[] std = Series.stds(truth, mean);
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        edges(truth, std, range, lo, hi);

        // sparse histograms: bin key -> {true count, generated count}
        Map<Long, long[]> counts = new HashMap<>();
        long nTrue = fill(counts, truth, lo, hi, bins, 0);
        long nGen = fill(counts, generated, lo, hi, bins, 1);
        if (nGen == 0 || nTrue == 0) {
            return Double.NaN;
        }
        double alpha = LAPLACE_ALPHA;
        double normP = nTrue + alpha * totalBins;
        double normQ = nGen + alpha * totalBins;
        double kl = 0;
        for (long[] c : counts.values()) {
            double p = (c[0] + alpha) / normP;
            double q = (c[1] + alpha) / normQ;
            kl += p * Math.log(p / q);
        }
        double emptyBins = (double) totalBins - counts.size();
        double p0 = alpha / normP;
        double q0 = alpha / normQ;
        kl += emptyBins * p0 * Math.log(p0 / q0);
        return Math.max(kl, 0.0); // KL >= 0; clamps round-off around 0 for identical histograms
    }

    /**
     * The number of bins of {@link #binned} the true trajectory occupies: when it is near the
     * number of its points, most bins hold one point or none, and D_stsp says little beyond
     * whether the two trajectories share points (too many bins for the data).
     */
    public static int occupiedBins(double[][] truth, int bins, BinRange range) {
        int dim = Series.requireFinite("truth", truth, 2);
        Checks.atLeast("bins", bins, 1);
        if (range == null) {
            throw new IllegalArgumentException("range must not be null");
        }
        long totalBins = 1;
        for (int j = 0; j < dim; j++) {
            try {
                totalBins = Math.multiplyExact(totalBins, bins);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(bins + " bins in each of " + dim + " dimensions are too many to count", e);
            }
        }
        double[] mean = Series.means(truth);
        double[] std = Series.stds(truth, mean);
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        edges(truth, std, range, lo, hi);
        Map<Long, long[]> counts = new HashMap<>();
        fill(counts, truth, lo, hi, bins, 0);
        return counts.size();
    }

    /** Bin edges per dimension from the true data (its std given), as {@link #binned} sets them. */
    private static void edges(double[][] truth, double[] std, BinRange range, double[] lo, double[] hi) {
        for (int j = 0; j < lo.length; j++) {
            if (!(std[j] > 0)) {
                throw new IllegalArgumentException("truth column " + j + " is constant; its bins would have no width");
            }
            if (range == BinRange.DATA_RANGE) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : truth) {
                    min = Math.min(min, row[j]);
                    max = Math.max(max, row[j]);
                }
                lo[j] = min - 0.1 * std[j];
                hi[j] = max + 0.1 * std[j];
            } else {
                lo[j] = -2.0 * std[j];
                hi[j] = 2.0 * std[j];
            }
        }
    }

    private static long fill(Map<Long, long[]> counts, double[][] x, double[] lo, double[] hi, int bins,
                             int which) {
        long inRange = 0;
        int dim = lo.length;
        rows:
        for (double[] row : x) {
            long key = 0;
            for (int j = 0; j < dim; j++) {
                double v = row[j];
                if (v < lo[j] || v >= hi[j]) {
                    continue rows;
                }
                int b = (int) Math.floor((v - lo[j]) / (hi[j] - lo[j]) * bins);
                if (b >= bins) {
                    b = bins - 1; // v just below hi can round up to bins
                }
                key = key * bins + b;
            }
            counts.computeIfAbsent(key, k -> new long[2])[which]++;
            inRange++;
        }
        return inRange;
    }

    /** Gaussian-mixture D_stsp with the reference settings and {@link #DEFAULT_SEED}. */
    public static double gaussianMixture(double[][] truth, double[][] generated) {
        return gaussianMixture(truth, generated, GaussianMixtureOptions.defaults(), new SplittableRandom(DEFAULT_SEED));
    }

    /**
     * Gaussian-mixture D_stsp.
     *
     * @param options mixture variance, Monte Carlo sample count, length cap
     * @param random  source of the Monte Carlo samples (advanced by this call)
     * @return Monte Carlo estimate of KL(p_true || p_gen) in nats (can be slightly negative by
     *         sampling error when the two are nearly equal)
     * @throws IllegalArgumentException for non-finite, ragged or too short (&lt; 2 steps) series or
     *                                  mismatched dimensions
     */
    public static double gaussianMixture(double[][] truth, double[][] generated, GaussianMixtureOptions options,
                                         SplittableRandom random) {
        int dim = Series.requireFinite("truth", truth, 2);
        int dimGen = Series.requireFinite("generated", generated, 1);
        Series.requireSameDimension("truth", dim, "generated", dimGen);
        if (options == null || random == null) {
            throw new IllegalArgumentException("options and random must not be null");
        }
        int tTrue = Math.min(truth.length, options.maxLength());
        int tGen = Math.min(generated.length, options.maxLength());
        double sigma = Math.sqrt(options.variance());

        double[] sample = new double[dim];
        double[] buffer = new double[Math.max(tTrue, tGen)];
        double sum = 0;
        for (int s = 0; s < options.monteCarloSamples(); s++) {
            double[] centre = truth[random.nextInt(tTrue)];
            for (int j = 0; j < dim; j++) {
                sample[j] = centre[j] + sigma * random.nextGaussian();
            }
            double logP = logMixtureDensity(sample, truth, tTrue, options.variance(), buffer);
            double logQ = logMixtureDensity(sample, generated, tGen, options.variance(), buffer);
            sum += logP - logQ;
        }
        return sum / options.monteCarloSamples();
    }

    /**
     * log of (1/T) sum_t N(s; mu_t, variance I), up to the constant -N/2 log(2 pi variance), which
     * cancels in the KL estimate.
     */
    private static double logMixtureDensity(double[] s, double[][] mu, int count, double variance, double[] e) {
        double minE = Double.POSITIVE_INFINITY;
        for (int t = 0; t < count; t++) {
            double[] m = mu[t];
            double sq = 0;
            for (int j = 0; j < s.length; j++) {
                double d = s[j] - m[j];
                sq += d * d;
            }
            e[t] = 0.5 * sq / variance;
            minE = Math.min(minE, e[t]);
        }
        double acc = 0;
        for (int t = 0; t < count; t++) {
            acc += Math.exp(minE - e[t]);
        }
        return -minE + Math.log(acc) - Math.log(count);
    }
}
