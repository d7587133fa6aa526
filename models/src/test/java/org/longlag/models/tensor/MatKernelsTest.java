package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Initializers;

/**
 * What MatContractTest does not judge: that misaligned windows (the copy-to-scratch path) give the
 * same bits as aligned ones, the density rule that chooses sgemm and how sparse large products
 * skip NaN behind zeros, FastTanh's stated error, the flush's +0, and refused operands.
 */
class MatKernelsTest {

    private static final SplittableRandom RNG = new SplittableRandom(5);

    private static Mat random(Precision p, int r, int c) {
        Mat m = p.zeros(r, c);
        Initializers.uniform(m, -1, 1, RNG);
        return m;
    }

    private static Mat copyAs(Mat m, Precision p) {
        Mat c = p.zeros(m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) c.set(i, j, m.get(i, j));
        return c;
    }

    private static void assertMatClose(Mat expected, Mat actual, double rel) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j), a = actual.get(i, j);
                assertTrue(Tolerances.close(e, a, rel, rel), "[" + i + "][" + j + "] expected " + e + " got " + a);
            }
        }
    }

    /** The sgemm path is taken for a left operand with at least a quarter nonzeros (here 8 of 32), none for all zeros. */
    @Test
    void densityNeedsAQuarterNonzerosForSgemm() {
        FloatMat wide = new FloatMat(8, 6);
        Mat a = wide.columns(1, 4);
        wide.fill(1);
        a.zero();
        assertEquals(BlasProducts.Density.ZERO, BlasProducts.density((FloatMat) a, Float.NEGATIVE_INFINITY), "0 of 32 nonzero (the window's neighbours are 1)");
        for (int i = 0; i < 7; i++) a.set(i, i % 4, -0.5);
        assertEquals(BlasProducts.Density.SPARSE, BlasProducts.density((FloatMat) a, Float.NEGATIVE_INFINITY), "7 of 32 nonzero");
        a.set(7, 3, Float.MIN_VALUE);
        assertEquals(BlasProducts.Density.DENSE, BlasProducts.density((FloatMat) a, Float.NEGATIVE_INFINITY), "8 of 32 nonzero");
        assertEquals(BlasProducts.Density.SPARSE, BlasProducts.density((FloatMat) a, 0f), "of the ReLU: 1 of 32 nonzero");
        a.set(7, 3, Double.NaN);
        for (int i = 0; i < 7; i++) a.set(i, i % 4, 2);
        assertEquals(BlasProducts.Density.DENSE, BlasProducts.density((FloatMat) a, 0f), "of the ReLU: 7 positive and a NaN");
    }

    /**
     * Products large enough for sgemm whose left operand is sparse or all zero take the Java paths; like
     * the loops they skip a's zero entries, so a NaN in b where a is zero does not reach the result.
     */
    @Test
    void sparseAndZeroLeftOperandsOfLargeProductsMatchTheLoops() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 200, k = 40, cols = 30; // a^T b summed over 200 rows: the sgemm size
        for (boolean allZero : new boolean[] {false, true}) {
            FloatMat a = new FloatMat(n, k + 3), b = new FloatMat(n, cols + 1);
            Mat aw = a.columns(3, k), bw = b.columns(1, cols);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < cols; j++) bw.set(i, j, rng.nextDouble() - 0.5);
                if (!allZero && rng.nextInt(10) == 0) aw.set(i, rng.nextInt(k), rng.nextDouble() - 0.5);
            }
            bw.set(5, 2, Double.NaN);
            for (int p = 0; p < k; p++) aw.set(5, p, 0); // row 5 of a is zero, so b's NaN must not count
            assertEquals(allZero ? BlasProducts.Density.ZERO : BlasProducts.Density.SPARSE, BlasProducts.density((FloatMat) aw, Float.NEGATIVE_INFINITY));
            Mat g = random(Precision.FLOAT32, k, cols);
            Mat expected = g.copy();
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < cols; j++) {
                    double sum = expected.get(p, j);
                    for (int i = 0; i < n; i++) if (aw.get(i, p) != 0) sum += aw.get(i, p) * bw.get(i, j);
                    expected.set(p, j, sum);
                }
            }
            g.addTransAMatMul(aw, bw);
            assertMatClose(expected, g, Tolerances.F32_KERNEL_REL * Math.sqrt(n));
            Mat bSquare = random(Precision.FLOAT32, k, cols), product = Precision.FLOAT32.zeros(n, cols);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) if (aw.get(i, p) != 0) sum += aw.get(i, p) * bSquare.get(p, j);
                    product.set(i, j, sum);
                }
            }
            Mat c = random(Precision.FLOAT32, n, cols), expectedC = c.copy();
            expectedC.addScaled(product, 1);
            c.addMatMul(aw, bSquare);
            assertMatClose(expectedC, c, Tolerances.F32_KERNEL_REL * Math.sqrt(k));
            Mat set = Precision.FLOAT32.zeros(n, cols);
            set.fill(Double.NaN);
            set.setMatMul(aw, bSquare);
            assertMatClose(product, set, Tolerances.F32_KERNEL_REL * Math.sqrt(k));
        }
    }

    @Test
    void misalignedWindowsGiveTheSameResultsAsAlignedOnes() {
        for (Precision p : Precision.values()) {
            Mat wide = random(p, 4, 30);
            Mat a = wide.columns(3, 10), b = wide.columns(17, 10);
            Mat aa = a.copy(), bb = b.copy();
            check(p, (dst, x) -> dst.setProduct(x[0], x[1]), a, b, aa, bb);
            check(p, (dst, x) -> dst.addProduct(x[0], x[1]), a, b, aa, bb);
            check(p, (dst, x) -> dst.addScaled(x[0], 0.5), a, b, aa, bb);
            check(p, (dst, x) -> dst.multiply(x[1]), a, b, aa, bb);
            check(p, (dst, x) -> dst.setTanh(x[0]), a, b, aa, bb);
            check(p, (dst, x) -> dst.setSigmoid(x[1]), a, b, aa, bb);
            check(p, (dst, x) -> dst.setRelu(x[0]), a, b, aa, bb);
            check(p, (dst, x) -> dst.multiplyTanhDerivative(x[0]), a, b, aa, bb);
            check(p, (dst, x) -> dst.multiplySigmoidDerivative(x[1]), a, b, aa, bb);
            check(p, (dst, x) -> dst.multiplyReluDerivative(x[0]), a, b, aa, bb);

            Mat w = random(p, 10, 12), wWin = random(p, 10, 20).columns(5, 12);
            wWin.set(w);
            Mat out1 = random(p, 4, 20).columns(2, 12), out2 = out1.copy();
            out1.addMatMul(a, w);
            out2.addMatMul(aa, wWin);
            assertMatClose(out1, out2, 0);
        }
    }

    private static void check(Precision p, BiConsumer<Mat, Mat[]> op, Mat a, Mat b, Mat aa, Mat bb) {
        Mat dst1 = random(p, 4, 40).columns(21, 10);
        Mat dst2 = dst1.copy();
        op.accept(dst1, new Mat[] {a, b});
        op.accept(dst2, new Mat[] {aa, bb});
        assertMatClose(dst2, dst1, 0);
    }

    @Test
    void fastTanhAndSigmoidAreWithinTheirStatedError() {
        Mat x = Precision.FLOAT32.zeros(1, 20001);
        for (int j = 0; j < 20001; j++) x.set(0, j, -10 + j * 0.001);
        Mat t = Precision.FLOAT32.zeros(1, 20001), s = Precision.FLOAT32.zeros(1, 20001);
        t.setTanh(x);
        s.setSigmoid(x);
        for (int j = 0; j < 20001; j++) {
            double v = x.get(0, j);
            assertEquals(Math.tanh(v), t.get(0, j), Tolerances.FAST_TANH_ABS, "tanh at " + v);
            assertEquals(1 / (1 + Math.exp(-v)), s.get(0, j), Tolerances.FAST_TANH_ABS, "sigmoid at " + v);
        }
    }

    @Test
    void flushZeroesTinyValuesOnly() {
        for (Precision p : Precision.values()) {
            Mat m = p.zeros(1, 4);
            double tiny = m.flushThreshold() / 10;
            m.set(0, 0, tiny);
            m.set(0, 1, -tiny);
            m.set(0, 2, m.flushThreshold() * 10);
            m.set(0, 3, 1.5);
            m.flushDenormals();
            assertEquals(0.0, m.get(0, 0));
            assertEquals(0.0, m.get(0, 1));
            assertTrue(m.get(0, 2) != 0);
            assertEquals(1.5, m.get(0, 3));
        }
    }

    @Test
    void shapeAndPrecisionMismatchesAreRefused() {
        Mat a = Precision.FLOAT32.zeros(2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> a.addMatMul(Precision.FLOAT32.zeros(2, 4), Precision.FLOAT32.zeros(3, 3)));
        assertTrue(e.getMessage().contains("addMatMul"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.setProduct(Precision.FLOAT64.zeros(2, 3), Precision.FLOAT64.zeros(2, 3)));
        assertTrue(e.getMessage().contains("mixed precision"), e.getMessage());
    }
}
