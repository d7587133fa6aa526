package org.longlag.models.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Products of step Jacobians prod dz_t/dz_{t-1} along a trajectory, their norms and leading
 * singular values (Commons Math SVD). Products are kept as a scale factor times a normalized
 * matrix, so long windows neither overflow nor underflow; results are on the log scale.
 */
public final class JacobianProducts {

    private JacobianProducts() {
    }

    /**
     * dz_to/dz_from = J_{to-1} ... J_from as a plain matrix (identity when from == to). Entries can
     * overflow or underflow over long windows; use the log-scale methods for those.
     */
    public static double[][] product(TrajectoryJacobians tj, int from, int to) {
        if (from < 0 || to < from || to > tj.steps()) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + tj.steps() + ", got from " + from + ", to " + to);
        }
        int n = tj.dimension();
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) p[i][i] = 1;
        for (int t = from; t < to; t++) p = ScaledMatrix.multiply(tj.jacobians()[t], p);
        return p;
    }

    /**
     * log ||dz_T/dz_{T-k}||_2 for k = 0..maxLag (k = 0: the identity, log 1 = 0), T the last step;
     * computed at every {@code stride}-th lag (NaN at the others) since each needs an SVD.
     * Comparable with per-lag gradient norms: dL/dz_{T-k} = dL/dz_T dz_T/dz_{T-k}.
     */
    public static double[] logNormFromEnd(TrajectoryJacobians tj, int maxLag, int stride) {
        if (maxLag < 0 || maxLag > tj.steps()) throw new IllegalArgumentException("maxLag must be in [0, " + tj.steps() + "], got " + maxLag);
        if (stride < 1) throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        double[] out = new double[maxLag + 1];
        java.util.Arrays.fill(out, Double.NaN);
        out[0] = 0;
        ScaledMatrix p = ScaledMatrix.identity(tj.dimension());
        int last = tj.steps();
        for (int k = 1; k <= maxLag; k++) {
            p.multiplyRight(tj.jacobians()[last - k]);
            if (k % stride == 0 || k == maxLag) out[k] = logSingularValues(p, 1)[0];
        }
        return out;
    }

    /**
     * Spectra of products over consecutive windows of each length, windows starting every
     * {@code stride} steps (stride = 0: non-overlapping windows, stride = length).
     *
     * @param top how many leading singular values to keep (at most the state size)
     */
    public static List<WindowSpectrum> windows(TrajectoryJacobians tj, int[] lengths, int top, int stride) {
        int n = tj.dimension();
        if (top < 1 || top > n) throw new IllegalArgumentException("top must be in [1, " + n + "], got " + top);
        if (stride < 0) throw new IllegalArgumentException("stride must be 0 (non-overlapping) or positive, got " + stride);
        List<WindowSpectrum> out = new ArrayList<>();
        for (int k : lengths) {
            if (k < 1 || k > tj.steps()) throw new IllegalArgumentException("window length must be in [1, " + tj.steps() + "], got " + k);
            int step = stride == 0 ? k : stride;
            double[] sumLog = new double[top];
            double sumFrob = 0;
            int windows = 0;
            for (int s = 0; s + k <= tj.steps(); s += step) {
                ScaledMatrix p = ScaledMatrix.identity(n);
                for (int t = s; t < s + k; t++) p.multiplyLeft(tj.jacobians()[t]);
                double[] logSv = logSingularValues(p, top);
                for (int i = 0; i < top; i++) sumLog[i] += logSv[i];
                sumFrob += p.logScale + Math.log(p.frobeniusOfQ());
                windows++;
            }
            for (int i = 0; i < top; i++) sumLog[i] /= windows;
            out.add(new WindowSpectrum(k, windows, sumLog, sumFrob / windows));
        }
        return out;
    }

    /** log of the {@code top} largest singular values of a matrix. */
    public static double[] logSingularValues(double[][] m, int top) {
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        double[] out = new double[top];
        for (int i = 0; i < top; i++) out[i] = Math.log(sv[i]);
        return out;
    }

    private static double[] logSingularValues(ScaledMatrix p, int top) {
        if (p.logScale == Double.NEGATIVE_INFINITY) {
            double[] out = new double[top];
            java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
            return out;
        }
        double[] out = logSingularValues(p.q, top);
        for (int i = 0; i < top; i++) out[i] += p.logScale;
        return out;
    }
}
