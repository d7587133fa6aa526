package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every {@link VectorRows} loop gives {@link ScalarRows}' bits (NaN as any NaN), for row lengths
 * from one vector to three and a few more, at offsets, with the values that trip up vector code:
 * NaN, infinities, signed zeros, values either side of the denormal flush, and in place.
 */
class VectorRowsTest {

    private static final int L = VectorRows.LANES;
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-31f, -1e-31f, ScalarRows.FLUSH, -ScalarRows.FLUSH,
        ScalarRows.BELOW_FLUSH, 1e-29f, 1f, -1f, Float.MAX_VALUE};

    /** Without this the whole suite would test only the plain loops and still pass. */
    @Test
    void testsRunOnTheVectorLoops() {
        assertTrue(Simd.enabled(), "tests must run with --add-modules jdk.incubator.vector (the pom's argLine): " + Simd.describe());
        assertEquals(L, Simd.LANES);
        assertTrue(Simd.describe().contains(L + " float lanes"), Simd.describe());
    }

    private static float[] row(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int j = 0; j < size; j++) {
            x[j] = rng.nextInt(4) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-3, 3)));
        }
        return x;
    }

    /** Runs the scalar and the vector form of one loop on copies of the same rows; c (rows[0]) must agree bit for bit. */
    private static void same(String name, Consumer<float[][]> scalar, Consumer<float[][]> vector) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        for (int n = L; n <= 3 * L + 3; n++) {
            for (int lo : new int[] {0, 3}) {
                int size = lo + n + 2; // two values past the row that must stay as they are
                float[][] rows = new float[6][];
                for (int i = 0; i < rows.length; i++) rows[i] = row(rng, size);
                float[][] s = copy(rows), v = copy(rows);
                scalar.accept(withRange(s, lo, lo + n));
                vector.accept(withRange(v, lo, lo + n));
                for (int j = 0; j < size; j++) {
                    assertEquals(Float.floatToIntBits(s[0][j]), Float.floatToIntBits(v[0][j]),
                            name + " n=" + n + " lo=" + lo + " j=" + j + ": " + s[0][j] + " vs " + v[0][j]);
                }
            }
        }
    }

    /** The same row arrays (so results land in rows) plus a last row {lo, hi}. */
    private static float[][] withRange(float[][] rows, int lo, int hi) {
        float[][] out = java.util.Arrays.copyOf(rows, rows.length + 1);
        out[rows.length] = new float[] {lo, hi};
        return out;
    }

    private static float[][] copy(float[][] rows) {
        float[][] c = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i].clone();
        return c;
    }

    private static int lo(float[][] r) {
        return (int) r[r.length - 1][0];
    }

    private static int hi(float[][] r) {
        return (int) r[r.length - 1][1];
    }

    @Test
    void flush() {
        same("flush", r -> ScalarRows.flush(r[0], lo(r), hi(r)), r -> VectorRows.flush(r[0], lo(r), hi(r)));
    }

    @Test
    void scaledPlusReluMasked() {
        same("scaledPlusReluMasked", r -> ScalarRows.scaledPlusReluMasked(r[0], r[1], r[2], r[3], r[4], lo(r), hi(r)),
                r -> VectorRows.scaledPlusReluMasked(r[0], r[1], r[2], r[3], r[4], lo(r), hi(r)));
        // in place: the destination is also the scaled operand
        same("scaledPlusReluMasked in place", r -> ScalarRows.scaledPlusReluMasked(r[0], r[0], r[2], r[3], r[4], lo(r), hi(r)),
                r -> VectorRows.scaledPlusReluMasked(r[0], r[0], r[2], r[3], r[4], lo(r), hi(r)));
    }

    @Test
    void relu() {
        same("relu", r -> ScalarRows.relu(r[0], r[1], lo(r), hi(r)), r -> VectorRows.relu(r[0], r[1], lo(r), hi(r)));
        same("relu in place", r -> ScalarRows.relu(r[0], r[0], lo(r), hi(r)), r -> VectorRows.relu(r[0], r[0], lo(r), hi(r)));
    }

    @Test
    void countNonzero() {
        for (float floor : new float[] {Float.NEGATIVE_INFINITY, 0f}) {
            // the count goes into c[lo], so the comparison covers it
            same("countNonzero floor " + floor,
                    r -> r[0][lo(r)] = ScalarRows.countNonzero(r[1], lo(r), hi(r), floor),
                    r -> r[0][lo(r)] = VectorRows.countNonzero(r[1], lo(r), hi(r), floor));
        }
        // all zero and all nonzero, where an overlap counted twice or missed would show
        for (int n = L; n <= 3 * L + 3; n++) {
            float[] zeros = new float[n + 2], ones = new float[n + 2];
            java.util.Arrays.fill(ones, 1f);
            assertEquals(0, VectorRows.countNonzero(zeros, 1, n + 1, Float.NEGATIVE_INFINITY), "zeros n=" + n);
            assertEquals(n, VectorRows.countNonzero(ones, 1, n + 1, Float.NEGATIVE_INFINITY), "ones n=" + n);
        }
    }

    @Test
    void addDiagonalAffine() {
        same("addDiagonalAffine", r -> ScalarRows.addDiagonalAffine(r[0], r[1], r[2], r[3], lo(r), hi(r)),
                r -> VectorRows.addDiagonalAffine(r[0], r[1], r[2], r[3], lo(r), hi(r)));
    }

    @Test
    void addAndAddProduct() {
        same("add", r -> ScalarRows.add(r[0], r[1], lo(r), hi(r)), r -> VectorRows.add(r[0], r[1], lo(r), hi(r)));
        same("add to itself", r -> ScalarRows.add(r[0], r[0], lo(r), hi(r)), r -> VectorRows.add(r[0], r[0], lo(r), hi(r)));
        same("addProduct", r -> ScalarRows.addProduct(r[0], r[1], r[2], lo(r), hi(r)),
                r -> VectorRows.addProduct(r[0], r[1], r[2], lo(r), hi(r)));
    }

    @Test
    void axpyMax() {
        float x0 = 0.75f;
        for (float floor : new float[] {Float.NEGATIVE_INFINITY, 0f}) {
            same("axpyMax floor " + floor, r -> ScalarRows.axpyMax(r[0], x0, r[1], floor, lo(r), hi(r)),
                    r -> VectorRows.axpyMax(r[0], x0, r[1], floor, lo(r), hi(r)));
        }
    }
}
