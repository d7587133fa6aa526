package org.longlag.dynamics.metrics;

/**
 * One-dimensional Gaussian smoothing as in the reference D_H code (GTF-shPLRNN
 * {@code src/measures/pse.jl}, {@code smooth_dims!}): a normalized Gaussian kernel of standard
 * deviation sigma (in samples) truncated at radius floor(4 sigma) (kernel length 8 sigma + 1, the
 * reference's choice to match scipy's {@code gaussian_filter1d}), and mirror padding at the
 * borders without repeating the edge sample ({@code ... c b | a b c d | c b ...}), which is what
 * ImageFiltering's {@code "reflect"} border does in the reference. (scipy's {@code "reflect"}
 * repeats the edge sample; the two differ only in the outermost 4 sigma bins.)
 */
final class GaussianSmoothing {

    private GaussianSmoothing() {
    }

    /** The truncation radius used for a given sigma. */
    static int radius(double sigma) {
        return (int) Math.floor(4.0 * sigma);
    }

    /** Normalized kernel weights for offsets -radius..radius. */
    static double[] kernel(double sigma) {
        int r = radius(sigma);
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-0.5 * (i / sigma) * (i / sigma));
            w[i + r] = v;
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** A smoothed copy; sigma = 0 returns an unsmoothed copy. */
    static double[] smooth(double[] x, double sigma) {
        if (sigma == 0 || x.length == 0) {
            return x.clone();
        }
        double[] w = kernel(sigma);
        int r = (w.length - 1) / 2;
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -r; k <= r; k++) {
                s += w[k + r] * x[mirror(i + k, n)];
            }
            out[i] = s;
        }
        return out;
    }

    /** Index into [0, n) of position i under edge-excluding mirror padding (period 2n - 2). */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
