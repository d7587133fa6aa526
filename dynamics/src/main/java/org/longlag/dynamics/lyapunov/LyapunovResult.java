package org.longlag.dynamics.lyapunov;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Lyapunov spectrum estimate.
 *
 * @param exponents     the exponents in the order of the QR basis (which, after the transient, is
 *                      the order from largest to smallest; {@link #sorted()} enforces it)
 * @param averagingTime time (or iterations times time step) the exponents were averaged over
 */
public record LyapunovResult(double[] exponents, double averagingTime) {

    public LyapunovResult {
        if (exponents == null || exponents.length == 0) {
            throw new IllegalArgumentException("exponents must not be empty");
        }
        exponents = exponents.clone();
    }

    @Override
    public double[] exponents() {
        return exponents.clone();
    }

    /** The exponents from largest to smallest. */
    public double[] sorted() {
        double[] s = exponents.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /** The largest exponent. */
    public double maximal() {
        return sorted()[0];
    }

    /** Sum of the computed exponents (for the full spectrum: the mean phase-space contraction rate). */
    public double sum() {
        double s = 0;
        for (double v : exponents) {
            s += v;
        }
        return s;
    }

    /**
     * Kaplan-Yorke (Lyapunov) dimension j + (lambda_1 + ... + lambda_j) / |lambda_{j+1}|, j the largest
     * index with a non-negative partial sum; 0 if the largest exponent is negative, and the number of
     * computed exponents if all partial sums are non-negative (meaningful for a full spectrum only).
     */
    public double kaplanYorkeDimension() {
        double[] s = sorted();
        double partial = 0;
        for (int j = 0; j < s.length; j++) {
            if (partial + s[j] < 0) {
                return j + partial / Math.abs(s[j]);
            }
            partial += s[j];
        }
        return s.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LyapunovResult r && Arrays.equals(exponents, r.exponents)
                && Double.compare(averagingTime, r.averagingTime) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(exponents) + Double.hashCode(averagingTime);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Lyapunov exponents [");
        for (int i = 0; i < exponents.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", exponents[i]));
        }
        return sb.append(String.format(Locale.ROOT, "], sum %.6f, Kaplan-Yorke dimension %.4f",
                sum(), kaplanYorkeDimension())).toString();
    }
}
