package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The PLRNN's ops where NaN, zeros and overwritten destinations matter (MatContractTest covers the rest), in both precisions on column windows. */
class PlrnnMatOpsTest {

    private static Mat random(Precision p, int rows, int cols, SplittableRandom rng) {
        Mat m = p.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) m.set(r, c, rng.nextDouble() * 2 - 1);
        }
        return m;
    }

    @Test
    void addDiagonalProductOfAZeroDiagonalChangesNothing() {
        for (Precision p : Precision.values()) {
            SplittableRandom rng = new SplittableRandom(3);
            Mat dst = random(p, 3, 6, rng), a = random(p, 3, 6, rng), sq = random(p, 6, 6, rng);
            sq.zeroDiagonal();
            Mat before = dst.copy();
            dst.addDiagonalProduct(a, sq, -1);
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < 6; j++) assertEquals(before.get(r, j), dst.get(r, j), 0.0);
            }
        }
    }

    /** addMatMul skips a ReLU output's zeros one by one; the sum must be that of the plain loop, NaN included. */
    @Test
    void addMatMulOfASparseLeftOperandMatchesLoops() {
        for (Precision p : Precision.values()) {
            SplittableRandom rng = new SplittableRandom(4);
            int rows = 5, k = 23, cols = 19;
            Mat a = random(p, rows, k + 2, rng).columns(2, k);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < k; c++) if (rng.nextInt(3) > 0 || r == 1) a.set(r, c, 0); // mostly zeros; row 1 all zero
            }
            a.set(3, 7, Double.NaN);
            Mat b = random(p, k, cols + 1, rng).columns(1, cols);
            Mat dst = random(p, rows, cols + 1, rng).columns(1, cols);
            Mat expected = dst.copy();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    double sum = expected.get(r, j);
                    for (int q = 0; q < k; q++) if (a.get(r, q) != 0) sum += a.get(r, q) * b.get(q, j);
                    expected.set(r, j, sum);
                }
            }
            dst.addMatMul(a, b);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    if (r == 3) assertEquals(Double.NaN, dst.get(r, j), p + " NaN row [" + j + "]");
                    else assertEquals(expected.get(r, j), dst.get(r, j), 1e-5, p + " [" + r + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void setScaledPlusReluMaskedMatchesLoopsAndKeepsNaN() {
        for (Precision p : Precision.values()) {
            SplittableRandom rng = new SplittableRandom(6);
            Mat dst = random(p, 5, 8, rng).columns(1, 6);
            Mat a = random(p, 5, 6, rng), g = random(p, 5, 9, rng).columns(3, 6), x = random(p, 5, 7, rng).columns(1, 6);
            Mat row = random(p, 1, 6, rng);
            x.set(0, 0, 0.0); // the mask is [x > 0]: zero is masked
            x.set(2, 3, Double.NaN);
            dst.setScaledPlusReluMasked(a, row, g, x);
            for (int r = 0; r < 5; r++) {
                for (int j = 0; j < 6; j++) {
                    if (r == 2 && j == 3) {
                        assertEquals(Double.NaN, dst.get(r, j), p + " NaN mask");
                        continue;
                    }
                    double expected = a.get(r, j) * row.get(0, j) + (x.get(r, j) > 0 ? g.get(r, j) : 0);
                    assertEquals(expected, dst.get(r, j), 1e-6, p + " [" + r + "][" + j + "]");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> dst.setScaledPlusReluMasked(a, p.zeros(1, 7), g, x));
        }
    }

    /** setMatMul overwrites whatever the destination held (NaN included), on the loop and the sgemm path. */
    @Test
    void setMatMulOverwritesTheDestination() {
        for (Precision p : Precision.values()) {
            for (int n : new int[] {5, 64}) { // 64^3 multiply-adds: the sgemm path in float32
                SplittableRandom rng = new SplittableRandom(7);
                Mat a = random(p, n, n + 1, rng).columns(1, n), b = random(p, n, n, rng);
                Mat dst = p.zeros(n, n);
                dst.fill(Double.NaN);
                dst.setMatMul(a, b);
                Mat expected = p.zeros(n, n);
                expected.addMatMul(a, b);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < n; j++) assertEquals(expected.get(r, j), dst.get(r, j), 1e-5, p + " n=" + n + " [" + r + "][" + j + "]");
                }
            }
        }
    }

    /** setMatMulRelu equals relu(a) b formed explicitly, on the loop and the sgemm path; NaN in a reaches its row; all-negative a gives 0. */
    @Test
    void setMatMulReluEqualsTheProductOfTheRelu() {
        for (Precision p : Precision.values()) {
            for (int n : new int[] {5, 64}) { // 64^3 multiply-adds: the sgemm path in float32
                SplittableRandom rng = new SplittableRandom(8);
                Mat a = random(p, n, n + 2, rng).columns(2, n), b = random(p, n, n, rng);
                a.set(1, 3, Double.NaN);
                Mat relu = p.zeros(n, n);
                relu.setRelu(a);
                Mat expected = p.zeros(n, n);
                expected.addMatMul(relu, b);
                Mat dst = p.zeros(n, n);
                dst.fill(7);
                dst.setMatMulRelu(a, b);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < n; j++) {
                        if (r == 1) assertEquals(Double.NaN, dst.get(r, j), p + " NaN row");
                        else assertEquals(expected.get(r, j), dst.get(r, j), 1e-5, p + " n=" + n + " [" + r + "][" + j + "]");
                    }
                }
                Mat negative = p.zeros(n, n);
                negative.fill(-1);
                dst.setMatMulRelu(negative, b);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < n; j++) assertEquals(0.0, dst.get(r, j), 0.0, p + " all-negative [" + r + "][" + j + "]");
                }
            }
        }
    }

    /**
     * addTransAMatMulRelu equals a^T relu(b) formed explicitly, on every path: few rows (loops), a
     * dense a over many rows (sgemm in float32), a mostly-zero a over many rows (row-wise loops);
     * NaN in b reaches its column.
     */
    @Test
    void addTransAMatMulReluEqualsTheProductWithTheRelu() {
        for (Precision p : Precision.values()) {
            for (int n : new int[] {7, 300}) {
                for (boolean sparse : new boolean[] {false, true}) {
                    SplittableRandom rng = new SplittableRandom(9);
                    int rows = 5, cols = 19;
                    Mat a = random(p, n, rows + 1, rng).columns(1, rows);
                    if (sparse) {
                        for (int i = 0; i < n; i++) for (int c = 0; c < rows; c++) if (rng.nextInt(10) > 0) a.set(i, c, 0);
                    }
                    Mat b = random(p, n, cols + 3, rng).columns(3, cols);
                    b.set(2, 4, Double.NaN);
                    a.set(2, 0, 0.5); // so the NaN is multiplied in, not skipped
                    Mat relu = p.zeros(n, cols);
                    relu.setRelu(b);
                    Mat start = random(p, rows, cols, rng);
                    Mat expected = start.copy();
                    expected.addTransAMatMul(a, relu);
                    Mat dst = start.copy();
                    dst.addTransAMatMulRelu(a, b);
                    String what = p + " n=" + n + (sparse ? " sparse" : " dense");
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            if (j == 4 && r == 0) assertEquals(Double.NaN, dst.get(r, j), what + " NaN column");
                            else if (j != 4) assertEquals(expected.get(r, j), dst.get(r, j), 1e-4, what + " [" + r + "][" + j + "]");
                        }
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> p.zeros(3, 4).addTransAMatMulRelu(p.zeros(5, 3), p.zeros(6, 4)));
        }
    }

    /**
     * setMatMulReluPlusMatMul equals relu(a) b + x c formed in two products, on the loop path and the
     * one-sgemm path, with column windows on every operand; NaN in a reaches its row.
     */
    @Test
    void setMatMulReluPlusMatMulEqualsTheTwoProducts() {
        for (Precision p : Precision.values()) {
            for (int n : new int[] {5, 64}) { // 64 x 66 x 64 multiply-adds: the sgemm path in float32
                SplittableRandom rng = new SplittableRandom(12);
                int k = 2;
                Mat a = random(p, n, n + 2, rng).columns(2, n), b = random(p, n, n + 1, rng).columns(1, n);
                Mat x = random(p, n, k + 3, rng).columns(3, k), c = random(p, k, n + 2, rng).columns(2, n);
                a.set(1, 3, Double.NaN);
                Mat expected = p.zeros(n, n);
                expected.setMatMulRelu(a, b);
                expected.addMatMul(x, c);
                Mat dst = random(p, n, n + 4, rng).columns(4, n);
                dst.setMatMulReluPlusMatMul(a, b, x, c);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < n; j++) {
                        if (r == 1) assertEquals(Double.NaN, dst.get(r, j), p + " NaN row");
                        else assertEquals(expected.get(r, j), dst.get(r, j), 1e-5, p + " n=" + n + " [" + r + "][" + j + "]");
                    }
                }
            }
            Mat a = p.zeros(4, 3), b = p.zeros(3, 5);
            assertThrows(IllegalArgumentException.class, () -> p.zeros(4, 5).setMatMulReluPlusMatMul(a, b, p.zeros(3, 2), p.zeros(2, 5)));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(4, 5).setMatMulReluPlusMatMul(a, b, p.zeros(4, 2), p.zeros(3, 5)));
        }
    }

    /**
     * addTransAMatMulReluAlongside equals its two products done apart, on every path: few rows, a dense
     * a over many rows (one sgemm in float32), a mostly-zero a and an all-zero a over many rows.
     */
    @Test
    void addTransAMatMulReluAlongsideEqualsTheTwoProducts() {
        for (Precision p : Precision.values()) {
            for (int n : new int[] {7, 300}) {
                for (String kind : new String[] {"dense", "sparse", "zero"}) {
                    SplittableRandom rng = new SplittableRandom(13);
                    int rows = 40, cols = 40, k = 2;
                    Mat a = random(p, n, rows + 1, rng).columns(1, rows);
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < rows; c++) if (kind.equals("zero") || kind.equals("sparse") && rng.nextInt(10) > 0) a.set(i, c, 0);
                    }
                    Mat b = random(p, n, cols + 3, rng).columns(3, cols), x = random(p, n, k + 1, rng).columns(1, k);
                    Mat gw = random(p, rows, cols + 2, rng).columns(2, cols), gc = random(p, rows, k, rng);
                    Mat expectedW = gw.copy(), expectedC = gc.copy();
                    expectedW.addTransAMatMulRelu(a, b);
                    expectedC.addTransAMatMul(a, x);
                    gw.addTransAMatMulReluAlongside(a, b, gc, x);
                    String what = p + " n=" + n + " " + kind;
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) assertEquals(expectedW.get(r, j), gw.get(r, j), 1e-4, what + " W [" + r + "][" + j + "]");
                        for (int j = 0; j < k; j++) assertEquals(expectedC.get(r, j), gc.get(r, j), 1e-4, what + " C [" + r + "][" + j + "]");
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> p.zeros(3, 4).addTransAMatMulReluAlongside(p.zeros(5, 3), p.zeros(5, 4), p.zeros(3, 2), p.zeros(6, 2)));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(3, 4).addTransAMatMulReluAlongside(p.zeros(5, 3), p.zeros(5, 4), p.zeros(2, 2), p.zeros(5, 2)));
        }
    }

    /** stackRows shares the blocks' storage, keeps their column window, and refuses blocks that do not line up. */
    @Test
    void stackRowsSharesStorage() {
        for (Precision p : Precision.values()) {
            SplittableRandom rng = new SplittableRandom(10);
            Mat a = random(p, 2, 5, rng).columns(1, 3), b = random(p, 3, 5, rng).columns(1, 3);
            Mat s = Mat.stackRows(a, b);
            assertEquals(5, s.rows());
            assertEquals(3, s.cols());
            for (int j = 0; j < 3; j++) {
                assertEquals(a.get(1, j), s.get(1, j), 0.0);
                assertEquals(b.get(0, j), s.get(2, j), 0.0);
            }
            s.set(4, 2, 42);
            assertEquals(42, b.get(2, 2), 0.0);
            assertThrows(IllegalArgumentException.class, () -> Mat.stackRows(a, p.zeros(2, 4)));
            assertThrows(IllegalArgumentException.class, () -> Mat.stackRows(a, p.zeros(2, 3)));
            assertThrows(IllegalArgumentException.class, () -> Mat.stackRows());
        }
        assertThrows(IllegalArgumentException.class, () -> Mat.stackRows(Precision.FLOAT32.zeros(1, 2), Precision.FLOAT64.zeros(1, 2)));
    }
}
