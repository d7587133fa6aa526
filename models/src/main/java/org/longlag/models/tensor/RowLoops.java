package org.longlag.models.tensor;

/**
 * {@link FloatMat}'s element-wise row loops, each choosing once per row between {@link VectorRows}
 * (a row of at least {@link Simd#LANES} values, when the Vector API is in use) and {@link ScalarRows};
 * the two give the same bits. The one place that choice is made.
 */
final class RowLoops {

    private RowLoops() {
    }

    private static boolean vector(int lo, int hi) {
        return hi - lo >= Simd.LANES;
    }

    static void flush(float[] c, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.flush(c, lo, hi);
        else ScalarRows.flush(c, lo, hi);
    }

    static void scaledPlusReluMasked(float[] c, float[] a, float[] v, float[] g, float[] x, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.scaledPlusReluMasked(c, a, v, g, x, lo, hi);
        else ScalarRows.scaledPlusReluMasked(c, a, v, g, x, lo, hi);
    }

    static void relu(float[] c, float[] x, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.relu(c, x, lo, hi);
        else ScalarRows.relu(c, x, lo, hi);
    }

    static int countNonzero(float[] x, int lo, int hi, float floor) {
        return vector(lo, hi) ? VectorRows.countNonzero(x, lo, hi, floor) : ScalarRows.countNonzero(x, lo, hi, floor);
    }

    static void addDiagonalAffine(float[] c, float[] x, float[] s, float[] b, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.addDiagonalAffine(c, x, s, b, lo, hi);
        else ScalarRows.addDiagonalAffine(c, x, s, b, lo, hi);
    }

    static void add(float[] c, float[] a, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.add(c, a, lo, hi);
        else ScalarRows.add(c, a, lo, hi);
    }

    static void addProduct(float[] c, float[] a, float[] b, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.addProduct(c, a, b, lo, hi);
        else ScalarRows.addProduct(c, a, b, lo, hi);
    }

    static void axpyMax(float[] c, float x0, float[] b0, float floor, int lo, int hi) {
        if (vector(lo, hi)) VectorRows.axpyMax(c, x0, b0, floor, lo, hi);
        else ScalarRows.axpyMax(c, x0, b0, floor, lo, hi);
    }
}
