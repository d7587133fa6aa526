package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The NTM's numerically delicate ops at the edges MatContractTest does not draw from: softplus of
 * +-1e30 and +-40, softmax of values up to +-800, and the softmax backward against the Jacobian
 * transposed, in both precisions on column windows.
 */
class NtmMatOpsTest {

    private static final int B = 3;

    /** A [rows x cols] window at column 1 of a wider matrix, filled from a seed with values in [lo, hi). */
    private static Mat random(Precision p, int rows, int cols, long seed, double lo, double hi) {
        return random(p, rows, cols, seed, lo, hi, 1);
    }

    /** As above, the window at column {@code at}. */
    private static Mat random(Precision p, int rows, int cols, long seed, double lo, double hi, int at) {
        Mat wide = p.zeros(rows, cols + at + 1);
        wide.fill(99); // outside the window: must stay untouched
        Mat m = wide.columns(at, cols);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m.set(r, c, lo + (hi - lo) * rng.nextDouble());
        return m;
    }

    private static Mat random(Precision p, int rows, int cols, long seed) {
        return random(p, rows, cols, seed, -1, 1);
    }

    private static double[][] values(Mat m) {
        double[][] v = new double[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) v[r][c] = m.get(r, c);
        return v;
    }

    /** Runs {@code op} in both precisions: float64 must equal {@code expected}, float32 float64 to float32 rounding. */
    private static void check(String what, Function<Precision, Mat> op, double[][] expected) {
        Mat d = op.apply(Precision.FLOAT64), f = op.apply(Precision.FLOAT32);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                double e = expected[r][c];
                assertEquals(e, d.get(r, c), 1e-12 * Math.max(1, Math.abs(e)), what + " float64 [" + r + "][" + c + "]");
                assertEquals(e, f.get(r, c), 1e-5 * Math.max(1, Math.abs(e)), what + " float32 [" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void softplusIsStableForLargeArguments() {
        double[][] a = values(random(Precision.FLOAT64, B, 5, 1, -40, 40));
        double[][] e = new double[B][5];
        for (int r = 0; r < B; r++) for (int c = 0; c < 5; c++) e[r][c] = a[r][c] > 30 ? a[r][c] : Math.log1p(Math.exp(a[r][c]));
        check("softplus", p -> {
            Mat y = random(p, B, 5, 7);
            y.setSoftplus(random(p, B, 5, 1, -40, 40));
            return y;
        }, e);
        Mat big = Precision.FLOAT32.zeros(1, 2);
        big.set(0, 0, 1e30);
        big.set(0, 1, -1e30);
        big.setSoftplus(big);
        assertEquals(1e30, big.get(0, 0), 1e24);
        assertEquals(0.0, big.get(0, 1));
    }

    @Test
    void rowSoftmaxDoesNotOverflowAndItsBackwardIsTheJacobianTransposed() {
        double[][] a = values(random(Precision.FLOAT64, B, 5, 4, -800, 800));
        double[][] y = new double[B][5];
        for (int r = 0; r < B; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : a[r]) max = Math.max(max, v);
            for (int c = 0; c < 5; c++) sum += Math.exp(a[r][c] - max);
            for (int c = 0; c < 5; c++) y[r][c] = Math.exp(a[r][c] - max) / sum;
        }
        check("softmax", p -> {
            Mat s = random(p, B, 5, 4, -800, 800);
            s.setRowSoftmax(s);
            return s;
        }, y);

        double[][] sy = values(softmaxOf(Precision.FLOAT64, 5));
        double[][] g = values(random(Precision.FLOAT64, B, 5, 6));
        double[][] e = new double[B][5];
        for (int r = 0; r < B; r++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 5; i++) e[r][j] += g[r][i] * sy[r][i] * ((i == j ? 1 : 0) - sy[r][j]); // sum_i g_i dy_i/da_j
            }
        }
        check("softmax backward", p -> {
            Mat d = random(p, B, 5, 6);
            d.setRowSoftmaxBackward(softmaxOf(p, 5), d);
            return d;
        }, e);
    }

    private static Mat softmaxOf(Precision p, int n) {
        Mat s = random(p, B, n, 5, -2, 2);
        s.setRowSoftmax(s);
        return s;
    }

}
