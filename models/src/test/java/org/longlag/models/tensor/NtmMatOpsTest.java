package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.longlag.models.Precision;

/**
 * The Mat ops added for the NTM: float64 against loops written directly from each op's definition,
 * float32 against float64, on column windows (so offsets are exercised), and the circular
 * convolution's two gradients against the adjoint identity <conv(w, s), g> = <w, dW(g, s)> = <s, dS(g, w)>.
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
    void elementwiseHelpers() {
        double[][] a = values(random(Precision.FLOAT64, B, 4, 2, 0.5, 2));
        double[][] e = new double[B][4];
        for (int r = 0; r < B; r++) for (int c = 0; c < 4; c++) e[r][c] = 1 / a[r][c] + 0.25;
        check("reciprocal + scalar", p -> {
            Mat y = p.zeros(B, 4);
            y.setReciprocal(random(p, B, 4, 2, 0.5, 2));
            y.addScalar(0.25);
            return y;
        }, e);

        double[][] x = values(random(Precision.FLOAT64, B, 4, 3, -2, 2));
        double[][] clipped = new double[B][4], mask = new double[B][4];
        for (int r = 0; r < B; r++) {
            for (int c = 0; c < 4; c++) {
                clipped[r][c] = Math.max(-1, Math.min(1, x[r][c]));
                mask[r][c] = Math.abs(x[r][c]) < 1 ? 3 : 0;
            }
        }
        check("clip", p -> {
            Mat y = random(p, B, 4, 3, -2, 2);
            y.clip(1);
            return y;
        }, clipped);
        check("clip derivative", p -> {
            Mat y = random(p, B, 4, 3, -2, 2);
            y.clip(1);
            Mat g = p.zeros(B, 4);
            g.fill(3);
            g.multiplyClipDerivative(y, 1);
            return g;
        }, mask);

        double[][] logs = new double[B][4], dlogs = new double[B][4];
        for (int r = 0; r < B; r++) {
            for (int c = 0; c < 4; c++) {
                logs[r][c] = Math.log(Math.max(x[r][c], 0) + 1e-3);
                dlogs[r][c] = x[r][c] > 0 ? 2 / (x[r][c] + 1e-3) : 0;
            }
        }
        check("log positive part", p -> {
            Mat y = p.zeros(B, 4);
            y.setLogPositivePart(random(p, B, 4, 3, -2, 2), 1e-3);
            return y;
        }, logs);
        check("log positive part derivative", p -> {
            Mat g = p.zeros(B, 4);
            g.fill(2);
            g.multiplyLogPositivePartDerivative(random(p, B, 4, 3, -2, 2), 1e-3);
            return g;
        }, dlogs);
        Mat zero = Precision.FLOAT32.zeros(1, 3);
        Mat log = Precision.FLOAT32.zeros(1, 3);
        log.setLogPositivePart(zero, 1e-16);
        assertTrue(log.isFinite(), "log of the positive part of 0 is finite");
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

    @Test
    void rowDotsAndColumnBroadcast() {
        double[][] a = values(random(Precision.FLOAT64, B, 4, 8)), b = values(random(Precision.FLOAT64, B, 4, 9));
        double[][] dots = new double[B][1], scaled = new double[B][4];
        for (int r = 0; r < B; r++) {
            for (int c = 0; c < 4; c++) dots[r][0] += a[r][c] * b[r][c];
            for (int c = 0; c < 4; c++) scaled[r][c] = a[r][c] * dots[r][0];
        }
        check("row dots", p -> {
            Mat d = p.zeros(B, 1);
            d.setRowDots(random(p, B, 4, 8), random(p, B, 4, 9));
            return d;
        }, dots);
        check("column broadcast", p -> {
            Mat d = p.zeros(B, 1);
            d.setRowDots(random(p, B, 4, 8), random(p, B, 4, 9));
            Mat y = random(p, B, 4, 8);
            y.multiplyColumnBroadcast(d);
            return y;
        }, scaled);
    }

    /** Sets one entry to exactly 0: the block ops skip zero factors, which must not change results. */
    private static Mat withZero(Mat u) {
        u.set(1, 2, 0);
        return u;
    }

    @Test
    void blockProducts() {
        // each row holds a p x q matrix A (row-major), as the NTM's transposed memory: p = M, q = N;
        // the block operands' windows at column 1 as the destination's, or at other columns (the
        // float32 kernels then copy rows into scratch first)
        blockProducts(3, 5, 1, 1);
        blockProducts(3, 5, 1, 3);
        blockProducts(6, 37, 2, 0);
        blockProducts(5, 19, 0, 4);
    }

    /** Matrix-shaped operands at column {@code at}, the destination and vector operands at column {@code dest}. */
    private static void blockProducts(int p, int q, int dest, int at) {
        double[][] a = values(random(Precision.FLOAT64, B, p * q, 10)), v = values(random(Precision.FLOAT64, B, p, 11));
        double[][] u = values(withZero(random(Precision.FLOAT64, B, q, 12))), base = values(random(Precision.FLOAT64, B, p * q, 13));
        double[][] norms = new double[B][q], vecMat = new double[B][q], matVec = new double[B][p];
        double[][] outer = new double[B][p * q], erase = new double[B][p * q], colScaled = new double[B][p * q];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < q; i++) {
                double s = 0.01 * 0.01;
                for (int j = 0; j < p; j++) {
                    double aji = a[b][j * q + i];
                    s += aji * aji;
                    vecMat[b][i] += v[b][j] * aji;
                    matVec[b][j] += aji * u[b][i];
                    outer[b][j * q + i] = base[b][j * q + i] + v[b][j] * u[b][i];
                    erase[b][j * q + i] = base[b][j * q + i] * (1 - v[b][j] * u[b][i]);
                    colScaled[b][j * q + i] = base[b][j * q + i] + u[b][i] * aji;
                }
                norms[b][i] = Math.sqrt(s);
            }
        }
        String tag = " (p=" + p + " q=" + q + " operands at " + at + ", destination at " + dest + ")";
        check("block column norms" + tag, pr -> {
            Mat y = random(pr, B, q, 15, 0, 0, dest);
            y.setBlockColumnNorms(random(pr, B, p * q, 10, -1, 1, at), 0.01);
            return y;
        }, norms);
        check("block vector-matrix" + tag, pr -> {
            Mat y = random(pr, B, q, 15, 0, 0, dest);
            y.addBlockVecMat(random(pr, B, p * q, 10, -1, 1, at), random(pr, B, p, 11));
            return y;
        }, vecMat);
        check("block matrix-vector" + tag, pr -> {
            Mat y = random(pr, B, p, 15, 0, 0, dest);
            y.addBlockMatVec(random(pr, B, p * q, 10, -1, 1, at), withZero(random(pr, B, q, 12)));
            return y;
        }, matVec);
        check("block outer" + tag, pr -> {
            Mat y = random(pr, B, p * q, 13, -1, 1, dest);
            y.addBlockOuter(random(pr, B, p, 11), withZero(random(pr, B, q, 12)));
            return y;
        }, outer);
        check("block erase in place" + tag, pr -> {
            Mat y = random(pr, B, p * q, 13, -1, 1, dest);
            y.setProductOneMinusBlockOuter(y, random(pr, B, p, 11), withZero(random(pr, B, q, 12)));
            return y;
        }, erase);
        check("block erase" + tag, pr -> {
            Mat y = random(pr, B, p * q, 15, 0, 0, dest);
            y.setProductOneMinusBlockOuter(random(pr, B, p * q, 13, -1, 1, at), random(pr, B, p, 11), withZero(random(pr, B, q, 12)));
            return y;
        }, erase);
        check("block column scaled" + tag, pr -> {
            Mat y = random(pr, B, p * q, 13, -1, 1, dest);
            y.addBlockColumnScaled(withZero(random(pr, B, q, 12)), random(pr, B, p * q, 10, -1, 1, at));
            return y;
        }, colScaled);
        // 4-row unrolled matrix-vector with a remainder row (p = 5)
        double[][] a5 = values(random(Precision.FLOAT64, B, 5 * q, 14));
        double[][] mv5 = new double[B][5];
        for (int b = 0; b < B; b++) for (int j = 0; j < 5; j++) for (int i = 0; i < q; i++) mv5[b][j] += a5[b][j * q + i] * u[b][i];
        check("block matrix-vector, 5 rows" + tag, pr -> {
            Mat y = random(pr, B, 5, 15, 0, 0, dest);
            y.addBlockMatVec(random(pr, B, 5 * q, 14, -1, 1, at), withZero(random(pr, B, q, 12)));
            return y;
        }, mv5);
        Mat bad = Precision.FLOAT64.zeros(B, 4);
        assertThrows(IllegalArgumentException.class, () -> bad.setBlockColumnNorms(Precision.FLOAT64.zeros(B, 7), 0.01));
    }

    @Test
    void circularConvolutionMatchesItsDefinitionAndItsGradientsAreAdjoint() {
        // n = 5 with shifts -2..2, and n = 3 with shifts -2..2 (shifts wrap more than once around)
        for (int[] shape : new int[][] {{5, 2}, {3, 2}, {4, 1}, {4, 0}}) {
            int n = shape[0], rad = shape[1], k = 2 * rad + 1;
            double[][] w = values(random(Precision.FLOAT64, B, n, 20)), s = values(random(Precision.FLOAT64, B, k, 21));
            double[][] g = values(random(Precision.FLOAT64, B, n, 22));
            double[][] conv = new double[B][n], dw = new double[B][n], ds = new double[B][k];
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < n; i++) {
                    for (int sh = -rad; sh <= rad; sh++) {
                        conv[b][i] += w[b][Math.floorMod(i - sh, n)] * s[b][sh + rad];
                        dw[b][Math.floorMod(i - sh, n)] += g[b][i] * s[b][sh + rad];
                        ds[b][sh + rad] += g[b][i] * w[b][Math.floorMod(i - sh, n)];
                    }
                }
            }
            String tag = " n=" + n + " R=" + rad;
            check("convolution" + tag, p -> {
                Mat y = random(p, B, n, 23);
                y.setCircularConvolution(random(p, B, n, 20), random(p, B, k, 21));
                return y;
            }, conv);
            check("convolution input gradient" + tag, p -> {
                Mat y = p.zeros(B, n);
                y.addCircularConvolutionInputGradient(random(p, B, n, 22), random(p, B, k, 21));
                return y;
            }, dw);
            check("convolution kernel gradient" + tag, p -> {
                Mat y = p.zeros(B, k);
                y.addCircularConvolutionKernelGradient(random(p, B, n, 22), random(p, B, n, 20));
                return y;
            }, ds);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Precision.FLOAT64.zeros(1, 4).setCircularConvolution(Precision.FLOAT64.zeros(1, 4), Precision.FLOAT64.zeros(1, 2)));
    }

    @Test
    void opsLeaveColumnsOutsideTheirWindowAlone() {
        Mat wide = Precision.FLOAT32.zeros(B, 9);
        wide.fill(7);
        Mat inner = wide.columns(2, 5);
        inner.setRowSoftmax(inner);
        inner.setCircularConvolution(random(Precision.FLOAT32, B, 5, 1), random(Precision.FLOAT32, B, 3, 2));
        inner.setLogPositivePart(inner, 1e-16);
        for (int r = 0; r < B; r++) {
            for (int c : new int[] {0, 1, 7, 8}) assertEquals(7.0, wide.get(r, c));
        }
        // block ops: a 2 x 5 block destination at column 3, a 5-vector destination at column 2
        Mat wideBlock = Precision.FLOAT32.zeros(B, 14);
        wideBlock.fill(7);
        Mat block = wideBlock.columns(3, 10), operand = random(Precision.FLOAT32, B, 10, 3, -1, 1, 0);
        Mat v = random(Precision.FLOAT32, B, 2, 4), u = random(Precision.FLOAT32, B, 5, 5);
        block.addBlockOuter(v, u);
        block.setProductOneMinusBlockOuter(operand, v, u);
        block.addBlockColumnScaled(u, operand);
        inner.setBlockColumnNorms(operand, 1e-3);
        inner.addBlockVecMat(operand, v);
        for (int r = 0; r < B; r++) {
            for (int c : new int[] {0, 1, 2, 13}) assertEquals(7.0, wideBlock.get(r, c));
            for (int c : new int[] {0, 1, 7, 8}) assertEquals(7.0, wide.get(r, c));
        }
    }
}
