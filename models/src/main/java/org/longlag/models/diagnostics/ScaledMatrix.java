package org.longlag.models.diagnostics;

/**
 * A square matrix kept as e^{logScale} Q with Q's largest absolute entry 1, so long products
 * neither overflow nor underflow.
 */
final class ScaledMatrix {

    double[][] q;
    double logScale;

    private ScaledMatrix(double[][] q, double logScale) {
        this.q = q;
        this.logScale = logScale;
    }

    static ScaledMatrix identity(int n) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) q[i][i] = 1;
        return new ScaledMatrix(q, 0);
    }

    /** this = this * m. */
    void multiplyRight(double[][] m) {
        q = multiply(q, m);
        normalize();
    }

    /** this = m * this. */
    void multiplyLeft(double[][] m) {
        q = multiply(m, q);
        normalize();
    }

    private void normalize() {
        double max = 0;
        for (double[] row : q) {
            for (double v : row) max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || !Double.isFinite(max)) {
            if (max == 0) logScale = Double.NEGATIVE_INFINITY;
            return;
        }
        double inv = 1 / max;
        for (double[] row : q) {
            for (int j = 0; j < row.length; j++) row[j] *= inv;
        }
        logScale += Math.log(max);
    }

    /** Frobenius norm of Q. */
    double frobeniusOfQ() {
        double s = 0;
        for (double[] row : q) {
            for (double v : row) s += v * v;
        }
        return Math.sqrt(s);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                if (aip == 0) continue;
                double[] bp = b[p];
                for (int j = 0; j < m; j++) ci[j] += aip * bp[j];
            }
        }
        return c;
    }
}
