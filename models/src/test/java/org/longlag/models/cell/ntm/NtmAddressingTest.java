package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.longlag.models.Precision;
import org.longlag.models.tensor.Mat;

/** Each equation on a case small enough to check by hand, in both precisions. */
class NtmAddressingTest {

    private static Mat row(Precision p, double... v) {
        Mat m = p.zeros(1, v.length);
        for (int i = 0; i < v.length; i++) m.set(0, i, v[i]);
        return m;
    }

    private static void assertRow(Mat m, double tol, double... expected) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], m.get(0, i), tol, "entry " + i + " of " + m);
    }

    private static double tol(Precision p) {
        return p == Precision.FLOAT32 ? 1e-6 : 1e-14;
    }

    @Test
    void contentAddressingByCosineSimilarity() {
        for (Precision p : Precision.values()) {
            // locations [2, 0], [0, 3], [-1, 0] (stored transposed); key [5, 0]: K = [1, 0, -1] whatever the norms
            Mat memory = row(p, 2, 0, -1, 0, 3, 0);
            Mat invRowNorm = p.zeros(1, 3);
            NtmAddressing.Trace t = new NtmAddressing.Trace(1, 3, p);
            NtmAddressing.inverseRowNorms(memory, invRowNorm);
            NtmAddressing.similarity(memory, invRowNorm, row(p, 5, 0), t);
            assertRow(t.similarity, tol(p), 1, 0, -1);
            // beta = ln 2: exp(beta K) = [2, 1, 1/2], so w^c = [4/7, 2/7, 1/7]
            NtmAddressing.contentWeighting(row(p, Math.log(2)), t);
            assertRow(t.content, tol(p), 4.0 / 7, 2.0 / 7, 1.0 / 7);
        }
    }

    @Test
    void similarityOfZeroVectorsIsZeroNotNaN() {
        for (Precision p : Precision.values()) {
            Mat memory = p.zeros(1, 6);
            Mat invRowNorm = p.zeros(1, 3);
            NtmAddressing.Trace t = new NtmAddressing.Trace(1, 3, p);
            NtmAddressing.inverseRowNorms(memory, invRowNorm);
            NtmAddressing.similarity(memory, invRowNorm, p.zeros(1, 2), t);
            assertRow(t.similarity, 0, 0, 0, 0);
            NtmAddressing.contentWeighting(row(p, 20), t);
            assertRow(t.content, tol(p), 1.0 / 3, 1.0 / 3, 1.0 / 3);
        }
    }

    @Test
    void interpolationShiftAndSharpening() {
        for (Precision p : Precision.values()) {
            NtmAddressing.Trace t = new NtmAddressing.Trace(1, 4, p);
            t.content.set(row(p, 1, 0, 0, 0));
            NtmAddressing.interpolate(row(p, 0.25), row(p, 0, 0, 0, 1), t);
            assertRow(t.gated, tol(p), 0.25, 0, 0, 0.75);

            // s over shifts (-1, 0, +1): a shift by +1 moves the focus one location on, with wrap-around
            t.gated.set(row(p, 0, 0, 0, 1));
            NtmAddressing.shift(row(p, 0, 0, 1), t);
            assertRow(t.shifted, tol(p), 1, 0, 0, 0);
            NtmAddressing.shift(row(p, 1, 0, 0), t);
            assertRow(t.shifted, tol(p), 0, 0, 1, 0);
            t.gated.set(row(p, 0, 1, 0, 0));
            NtmAddressing.shift(row(p, 0.25, 0.5, 0.25), t);
            assertRow(t.shifted, tol(p), 0.25, 0.5, 0.25, 0);

            // gamma = 2: [1/2, 1/4, 1/4, 0]^2 / (3/8) = [2/3, 1/6, 1/6, 0]
            t.shifted.set(row(p, 0.5, 0.25, 0.25, 0));
            Mat w = p.zeros(1, 4);
            NtmAddressing.sharpen(row(p, 2), t, w);
            assertRow(w, tol(p), 2.0 / 3, 1.0 / 6, 1.0 / 6, 0);
        }
    }

    @Test
    void sharpeningSurvivesHugeGammaAndZeros() {
        for (Precision p : Precision.values()) {
            NtmAddressing.Trace t = new NtmAddressing.Trace(1, 4, p);
            // (1/128)^1000 underflows: pow-then-normalize would give 0/0
            t.shifted.set(row(p, 1.0 / 128, 1.0 / 256, 0, -1e-7));
            Mat w = p.zeros(1, 4);
            NtmAddressing.sharpen(row(p, 1000), t, w);
            assertRow(w, tol(p), 1, 0, 0, 0);
            Mat dW = row(p, 1, -2, 3, 4), dGamma = p.zeros(1, 1);
            NtmAddressing.sharpenBackward(row(p, 1000), t, w, dW, dGamma);
            for (int i = 0; i < 4; i++) assertEquals(true, Double.isFinite(dW.get(0, i)), "dw~ finite");
            assertEquals(true, Double.isFinite(dGamma.get(0, 0)), "dgamma finite");
        }
    }

    @Test
    void eraseThenAddAndReadFromThePreviousMemory() {
        for (Precision p : Precision.values()) {
            Mat memory = row(p, 1, 3, 2, 4); // locations [1, 2], [3, 4], stored transposed
            Mat next = p.zeros(1, 4);
            NtmMemory.erase(memory, new Mat[] {row(p, 1, 0)}, new Mat[] {row(p, 1, 0)}, next);
            assertRow(next, tol(p), 0, 3, 2, 4); // location 0 becomes [0, 2]
            NtmMemory.add(new Mat[] {row(p, 1, 0)}, new Mat[] {row(p, 0.5, -0.5)}, next);
            assertRow(next, tol(p), 0.5, 3, 1.5, 4); // and then [0.5, 1.5]
            Mat r = p.zeros(1, 2);
            NtmMemory.read(memory, row(p, 0.25, 0.75), r);
            assertRow(r, tol(p), 2.5, 3.5);
        }
    }
}
