package org.longlag.models.forcing;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * ||J||_2, the largest singular value of a square matrix, by power iteration on J^T J (fast for
 * the many small Jacobians of an alpha estimate), falling back to a full singular value
 * decomposition when the iteration has not settled to a relative change of 1e-10 within 500
 * rounds (nearly equal leading singular values).
 */
final class SpectralNorm {

    private static final int MAX_ROUNDS = 500;
    private static final double TOLERANCE = 1e-10;

    private SpectralNorm() {
    }

    static double of(double[][] j) {
        int n = j.length;
        double[] v = new double[n];
        double[] w = new double[n];
        // start from the largest row of J: it has a share of the leading right singular vector unless J is degenerate
        int best = 0;
        double bestNorm = -1;
        for (int i = 0; i < n; i++) {
            double s = dot(j[i], j[i]);
            if (s > bestNorm) {
                bestNorm = s;
                best = i;
            }
        }
        if (bestNorm == 0) return 0;
        System.arraycopy(j[best], 0, v, 0, n);
        normalize(v);
        double sigma = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            for (int i = 0; i < n; i++) w[i] = dot(j[i], v);          // w = J v
            double next = Math.sqrt(dot(w, w));                        // ||J v|| for unit v
            for (int c = 0; c < n; c++) {                              // v = J^T w
                double s = 0;
                for (int i = 0; i < n; i++) s += j[i][c] * w[i];
                v[c] = s;
            }
            if (normalize(v) == 0) return next;
            if (Math.abs(next - sigma) <= TOLERANCE * next) return Math.max(next, sigma);
            sigma = next;
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(j, false)).getNorm();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double normalize(double[] v) {
        double s = Math.sqrt(dot(v, v));
        if (s > 0) for (int i = 0; i < v.length; i++) v[i] /= s;
        return s;
    }
}
