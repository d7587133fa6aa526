package org.longlag.models.tensor;

import static org.longlag.models.tensor.ScalarRows.BELOW_FLUSH;
import static org.longlag.models.tensor.ScalarRows.BIG;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarRows}' loops on the Vector API, for rows of at least {@link #LANES} values
 * ({@link RowLoops} checks; loaded only through {@link Simd}). The same operations in the same order, so the
 * same bits: no fused multiply-add, and the step function written with the same min, max and
 * multiplies.
 *
 * <p><b>The overlapping last vector.</b> A row [lo, hi) is covered by whole vectors from lo and
 * one more that ends at hi, overlapping the one before when the length is not a multiple of the
 * lanes (40 = 16 + 16 + 8 is done as [0, 16), [16, 32), [24, 40)). The last two are both computed
 * before either is stored, so a loop that updates in place (c += ...) or whose destination is also
 * an operand still writes each value once, from the old values. Two things measured on JDK 17 set
 * this shape: masked loads, the other way to do a tail, are not compiled to vector instructions
 * (10x slower), and a vector held across a loop is boxed at its safepoints (computing the last
 * vector before the loop made a pass 3-4x slower than the plain loop).
 *
 * <p><b>Few callers, small ones.</b> A vector op that C2 does not inline is boxed, and C2 stops
 * inlining when a method grows past its node budget ({@code NodeCountInliningCutoff}). The product
 * loops of {@link FloatMat} called four row axpys of this kind, three copies of each; there the
 * budget ran out and the PLRNN step at M = 40, batch 32 ran at 0.69x its speed with plain loops
 * (measured), so those stay plain. Each loop here is called from one short method.
 */
final class VectorRows {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int LANES = S.length();
    /** 0, 1, ..., LANES - 1. */
    private static final float[] LANE_NUMBERS = new float[LANES];

    static {
        for (int i = 0; i < LANES; i++) LANE_NUMBERS[i] = i;
    }

    private VectorRows() {
    }

    /**
     * Where the last whole vector before the one ending at hi = last + LANES starts: the loop runs
     * up to it, and it is done with the last. {@code last} itself when no whole vector is left.
     */
    private static int lastWhole(int lo, int last) {
        return last > lo ? lo + (last - lo - 1) / LANES * LANES : last;
    }

    private static FloatVector at(float[] a, int j) {
        return FloatVector.fromArray(S, a, j);
    }

    /** [x > 0] as 0 or 1, as {@link ScalarRows#step}. */
    private static FloatVector step(FloatVector x) {
        return x.mul(BIG).mul(BIG).max(0f).min(1f);
    }

    private static FloatVector flushed(FloatVector v) {
        return v.mul(step(v.abs().sub(BELOW_FLUSH))).add(0f);
    }

    static void flush(float[] c, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) flushed(at(c, j)).intoArray(c, j);
        FloatVector tail = flushed(at(c, last));
        if (end < last) flushed(at(c, end)).intoArray(c, end);
        tail.intoArray(c, last);
    }

    static void scaledPlusReluMasked(float[] c, float[] a, float[] v, float[] g, float[] x, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(a, j).mul(at(v, j)).add(at(g, j).mul(step(at(x, j)))).intoArray(c, j);
        FloatVector tail = at(a, last).mul(at(v, last)).add(at(g, last).mul(step(at(x, last))));
        if (end < last) at(a, end).mul(at(v, end)).add(at(g, end).mul(step(at(x, end)))).intoArray(c, end);
        tail.intoArray(c, last);
    }

    static void relu(float[] c, float[] x, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(x, j).max(0f).intoArray(c, j);
        FloatVector tail = at(x, last).max(0f);
        if (end < last) at(x, end).max(0f).intoArray(c, end);
        tail.intoArray(c, last);
    }

    /**
     * The last vector counts only the lanes the whole vectors before it did not: lane i from
     * j - last on, selected by comparing lane numbers ({@code VectorMask.fromLong} is a loop in JDK 17).
     */
    static int countNonzero(float[] x, int lo, int hi, float floor) {
        int last = hi - LANES, n = 0, j = lo;
        for (; j < last; j += LANES) n += at(x, j).max(floor).compare(VectorOperators.NE, 0f).trueCount();
        VectorMask<Float> fresh = at(LANE_NUMBERS, 0).compare(VectorOperators.GE, (float) (j - last));
        return n + at(x, last).max(floor).compare(VectorOperators.NE, 0f).and(fresh).trueCount();
    }

    static void addDiagonalAffine(float[] c, float[] x, float[] s, float[] b, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(c, j).add(at(x, j).mul(at(s, j)).add(at(b, j))).intoArray(c, j);
        FloatVector tail = at(c, last).add(at(x, last).mul(at(s, last)).add(at(b, last)));
        if (end < last) at(c, end).add(at(x, end).mul(at(s, end)).add(at(b, end))).intoArray(c, end);
        tail.intoArray(c, last);
    }

    static void add(float[] c, float[] a, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(c, j).add(at(a, j)).intoArray(c, j);
        FloatVector tail = at(c, last).add(at(a, last));
        if (end < last) at(c, end).add(at(a, end)).intoArray(c, end);
        tail.intoArray(c, last);
    }

    static void addProduct(float[] c, float[] a, float[] b, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(c, j).add(at(a, j).mul(at(b, j))).intoArray(c, j);
        FloatVector tail = at(c, last).add(at(a, last).mul(at(b, last)));
        if (end < last) at(c, end).add(at(a, end).mul(at(b, end))).intoArray(c, end);
        tail.intoArray(c, last);
    }

    static void axpyMax(float[] c, float x0, float[] b0, float floor, int lo, int hi) {
        int last = hi - LANES, end = lastWhole(lo, last);
        for (int j = lo; j < end; j += LANES) at(c, j).add(at(b0, j).max(floor).mul(x0)).intoArray(c, j);
        FloatVector tail = at(c, last).add(at(b0, last).max(floor).mul(x0));
        if (end < last) at(c, end).add(at(b0, end).max(floor).mul(x0)).intoArray(c, end);
        tail.intoArray(c, last);
    }

}
