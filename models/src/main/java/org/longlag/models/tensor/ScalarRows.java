package org.longlag.models.tensor;

/**
 * {@link FloatMat}'s element-wise row loops, written plainly: every array indexed by one variable
 * over [lo, hi). They run for rows shorter than a vector and when {@link Simd} is off ({@link RowLoops}
 * chooses); {@link VectorRows} has the twin of each and must give the same bits.
 */
final class ScalarRows {

    static final float FLUSH = 1e-30f;
    /** The largest value flushed: |v| - BELOW_FLUSH is positive exactly when |v| >= FLUSH. */
    static final float BELOW_FLUSH = Math.nextDown(FLUSH);
    /**
     * BIG * BIG times any positive difference of two floats is at least 1, so min(max(d * BIG * BIG, 0), 1)
     * is the step function [d > 0] for non-NaN d: a select written with min, max and multiply, which C2
     * vectorizes (a conditional expression in a loop it does not, and runs 4x slower; measured).
     */
    static final float BIG = 1e38f;

    private ScalarRows() {
    }

    /** [x > 0] as 0 or 1 for non-NaN x (NaN gives NaN). */
    static float step(float x) {
        return Math.min(Math.max(x * BIG * BIG, 0f), 1f);
    }

    /** c = 0 where |c| < FLUSH (as +0), else c. */
    static void flush(float[] c, int lo, int hi) {
        for (int j = lo; j < hi; j++) {
            float v = c[j];
            c[j] = v * step(Math.abs(v) - BELOW_FLUSH) + 0f; // + 0: a flushed -tiny becomes +0, not -0
        }
    }

    /** c = a .* v + g .* [x > 0] */
    static void scaledPlusReluMasked(float[] c, float[] a, float[] v, float[] g, float[] x, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] = a[j] * v[j] + g[j] * step(x[j]);
    }

    /** c = max(x, 0) */
    static void relu(float[] c, float[] x, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] = Math.max(x[j], 0f);
    }

    /** The number of j with max(x[j], floor) != 0 (NaN counts). */
    static int countNonzero(float[] x, int lo, int hi, float floor) {
        int n = 0;
        for (int j = lo; j < hi; j++) {
            if (Math.max(x[j], floor) != 0f) n++;
        }
        return n;
    }

    /** c += x .* s + b */
    static void addDiagonalAffine(float[] c, float[] x, float[] s, float[] b, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += x[j] * s[j] + b[j];
    }

    /** c += a */
    static void add(float[] c, float[] a, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += a[j];
    }

    /** c += a .* b */
    static void addProduct(float[] c, float[] a, float[] b, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += a[j] * b[j];
    }

    /** c += x0 max(b0, floor) */
    static void axpyMax(float[] c, float x0, float[] b0, float floor, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += x0 * Math.max(b0[j], floor);
    }

}
