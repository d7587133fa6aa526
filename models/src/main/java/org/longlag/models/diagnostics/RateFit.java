package org.longlag.models.diagnostics;

import java.util.Locale;

/**
 * Least-squares fit of log v_k = a + b k over lags k in [fromLag, toLag]: the exponential rate b
 * per step at which a gradient norm (or a Jacobian product's norm) grows (b &gt; 0) or decays
 * (b &lt; 0) with lag; exp(b) is the factor per step. Lags whose value is zero, negative or not
 * finite (underflow, overflow) are left out and counted in {@link #skipped()}; with fewer than two
 * usable lags the fit is undefined and its numbers are NaN.
 *
 * @param intercept a
 * @param slope     b, per step
 * @param rSquared  coefficient of determination of the fit on the log scale (NaN if undefined)
 * @param fromLag   first lag of the range
 * @param toLag     last lag of the range (inclusive)
 * @param points    lags used
 * @param skipped   lags in the range left out
 */
public record RateFit(double intercept, double slope, double rSquared, int fromLag, int toLag, int points, int skipped) {

    /** Fits the logarithms of positive values {@code values[k]}, k in [from, to]. */
    public static RateFit ofValues(double[] values, int from, int to) {
        double[] logs = new double[values.length];
        for (int k = 0; k < values.length; k++) logs[k] = values[k] > 0 ? Math.log(values[k]) : Double.NaN;
        return ofLogs(logs, from, to);
    }

    /** Fits {@code logs[k]} = a + b k, k in [from, to]; non-finite entries are left out. */
    public static RateFit ofLogs(double[] logs, int from, int to) {
        if (from < 0 || to < from || to >= logs.length) {
            throw new IllegalArgumentException("lag range must satisfy 0 <= from <= to < " + logs.length + ", got [" + from + ", " + to + "]");
        }
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int k = from; k <= to; k++) {
            double y = logs[k];
            if (!Double.isFinite(y)) continue;
            n++;
            sx += k;
            sy += y;
            sxx += (double) k * k;
            sxy += k * y;
            syy += y * y;
        }
        int points = (int) n;
        int skipped = to - from + 1 - points;
        if (points < 2) return new RateFit(Double.NaN, Double.NaN, Double.NaN, from, to, points, skipped);
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        double b = cxy / vx;
        double a = (sy - b * sx) / n;
        double r2 = vy <= 0 ? 1.0 : (cxy * cxy) / (vx * vy);
        return new RateFit(a, b, r2, from, to, points, skipped);
    }

    /** exp(b): the factor by which the norm changes per step of lag. */
    public double factor() {
        return Math.exp(slope);
    }

    public boolean defined() {
        return Double.isFinite(slope);
    }

    /** e.g. "decays: b = -0.693/step, exp(b) = 0.500 (R^2 0.998, lags 1..99)". */
    public String describe() {
        if (!defined()) {
            return String.format(Locale.ROOT, "no fit: %d of lags %d..%d have a finite nonzero norm", points, fromLag, toLag);
        }
        String trend = slope > 0 ? "grows" : slope < 0 ? "decays" : "flat";
        return String.format(Locale.ROOT, "%s: b = %.4g/step, exp(b) = %.4g (R^2 %.3f, lags %d..%d%s)", trend, slope, factor(),
                rSquared, fromLag, toLag, skipped == 0 ? "" : ", " + skipped + " left out");
    }
}
