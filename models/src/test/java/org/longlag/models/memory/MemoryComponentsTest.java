package org.longlag.models.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Initializers;
import org.longlag.models.tensor.Mat;

/**
 * The memory components on their own: each equation on a case small enough to check by hand, in
 * both precisions, and each backward against float64 central differences of L = sum(R .* output)
 * for a random R, on a batch of two samples.
 */
class MemoryComponentsTest {

    private static final Precision F64 = Precision.FLOAT64;

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

    // ------------------------------------------------------------------ by hand

    @Test
    void contentAddressingByCosineSimilarity() {
        for (Precision p : Precision.values()) {
            // locations [2, 0], [0, 3], [-1, 0] (stored transposed); key [5, 0]: K = [1, 0, -1] whatever the norms
            ContentAddressing ca = new ContentAddressing(new Memory(3, 2));
            Mat memory = row(p, 2, 0, -1, 0, 3, 0);
            Mat invNorms = p.zeros(1, 3);
            ContentAddressing.Trace t = ca.newTrace(1, p);
            ca.inverseLocationNorms(memory, invNorms);
            ca.similarity(memory, invNorms, row(p, 5, 0), t);
            assertRow(t.similarity(), tol(p), 1, 0, -1);
            // beta = ln 2: exp(beta K) = [2, 1, 1/2], so w^c = [4/7, 2/7, 1/7]
            ca.weighting(row(p, Math.log(2)), t);
            assertRow(t.weighting(), tol(p), 4.0 / 7, 2.0 / 7, 1.0 / 7);
        }
    }

    @Test
    void similarityOfZeroVectorsIsZeroNotNaN() {
        for (Precision p : Precision.values()) {
            ContentAddressing ca = new ContentAddressing(3, 2);
            Mat memory = p.zeros(1, 6);
            Mat invNorms = p.zeros(1, 3);
            ContentAddressing.Trace t = ca.newTrace(1, p);
            ca.inverseLocationNorms(memory, invNorms);
            ca.similarity(memory, invNorms, p.zeros(1, 2), t);
            assertRow(t.similarity(), 0, 0, 0, 0);
            ca.weighting(row(p, 20), t);
            assertRow(t.weighting(), tol(p), 1.0 / 3, 1.0 / 3, 1.0 / 3);
        }
    }

    @Test
    void interpolationShiftAndSharpening() {
        for (Precision p : Precision.values()) {
            LocationAddressing la = new LocationAddressing(4, 1);
            LocationAddressing.Trace t = la.newTrace(1, p);
            la.interpolate(row(p, 0.25), row(p, 1, 0, 0, 0), row(p, 0, 0, 0, 1), t);
            assertRow(t.gated(), tol(p), 0.25, 0, 0, 0.75);

            // s over shifts (-1, 0, +1): a shift by +1 moves the focus one location on, with wrap-around
            t.gated().set(row(p, 0, 0, 0, 1));
            la.shift(row(p, 0, 0, 1), t);
            assertRow(t.shifted(), tol(p), 1, 0, 0, 0);
            la.shift(row(p, 1, 0, 0), t);
            assertRow(t.shifted(), tol(p), 0, 0, 1, 0);
            t.gated().set(row(p, 0, 1, 0, 0));
            la.shift(row(p, 0.25, 0.5, 0.25), t);
            assertRow(t.shifted(), tol(p), 0.25, 0.5, 0.25, 0);

            // gamma = 2: [1/2, 1/4, 1/4, 0]^2 / (3/8) = [2/3, 1/6, 1/6, 0]
            t.shifted().set(row(p, 0.5, 0.25, 0.25, 0));
            Mat w = p.zeros(1, 4);
            la.sharpen(row(p, 2), t, w);
            assertRow(w, tol(p), 2.0 / 3, 1.0 / 6, 1.0 / 6, 0);
        }
    }

    @Test
    void sharpeningSurvivesHugeGammaAndZeros() {
        for (Precision p : Precision.values()) {
            LocationAddressing la = new LocationAddressing(4, 1);
            LocationAddressing.Trace t = la.newTrace(1, p);
            // (1/128)^1000 underflows: pow-then-normalize would give 0/0
            t.shifted().set(row(p, 1.0 / 128, 1.0 / 256, 0, -1e-7));
            Mat w = p.zeros(1, 4);
            la.sharpen(row(p, 1000), t, w);
            assertRow(w, tol(p), 1, 0, 0, 0);
            Mat dW = row(p, 1, -2, 3, 4), dGamma = p.zeros(1, 1);
            la.sharpenBackward(row(p, 1000), t, w, dW, dGamma);
            for (int i = 0; i < 4; i++) assertTrue(Double.isFinite(dW.get(0, i)), "dw~ finite");
            assertTrue(Double.isFinite(dGamma.get(0, 0)), "dgamma finite");
        }
    }

    @Test
    void eraseThenAddAndReadFromThePreviousMemory() {
        for (Precision p : Precision.values()) {
            Memory mem = new Memory(2, 2);
            Mat memory = row(p, 1, 3, 2, 4); // locations [1, 2], [3, 4], stored transposed
            Mat next = p.zeros(1, 4);
            mem.erase(memory, new Mat[] {row(p, 1, 0)}, new Mat[] {row(p, 1, 0)}, next);
            assertRow(next, tol(p), 0, 3, 2, 4); // location 0 becomes [0, 2]
            mem.add(new Mat[] {row(p, 1, 0)}, new Mat[] {row(p, 0.5, -0.5)}, next);
            assertRow(next, tol(p), 0.5, 3, 1.5, 4); // and then [0.5, 1.5]
            Mat r = p.zeros(1, 2);
            mem.read(memory, row(p, 0.25, 0.75), r);
            assertRow(r, tol(p), 2.5, 3.5);
        }
    }

    @Test
    void componentsDeclareTheStateTheyKeep() {
        Memory mem = new Memory(8, 3);
        assertEquals(new org.longlag.models.cell.StatePart("M", 24), mem.statePart("M"));
        AddressingHead head = new AddressingHead("read1", mem, 1);
        assertEquals(new org.longlag.models.cell.StatePart("read1.weighting", 8), head.weightingPart());
        assertEquals(3, head.shifts());
    }

    // ------------------------------------------------------------------ against central differences

    private static final int B = 2, N = 5, M = 3;

    private static Mat random(int rows, int cols, double lo, double hi, SplittableRandom rng) {
        Mat m = F64.zeros(rows, cols);
        Initializers.uniform(m, lo, hi, rng);
        return m;
    }

    private static double dot(Mat a, Mat b) {
        double s = 0;
        for (int r = 0; r < a.rows(); r++) for (int c = 0; c < a.cols(); c++) s += a.get(r, c) * b.get(r, c);
        return s;
    }

    /** Every entry of every input against the central difference of {@code loss}. */
    private static void check(String what, List<Mat> inputs, List<Mat> analytic, Supplier<Double> loss) {
        double e = Tolerances.FD_EPSILON;
        for (int k = 0; k < inputs.size(); k++) {
            Mat x = inputs.get(k);
            for (int r = 0; r < x.rows(); r++) {
                for (int c = 0; c < x.cols(); c++) {
                    double keep = x.get(r, c);
                    x.set(r, c, keep + e);
                    double up = loss.get();
                    x.set(r, c, keep - e);
                    double down = loss.get();
                    x.set(r, c, keep);
                    double numeric = (up - down) / (2 * e), a = analytic.get(k).get(r, c);
                    if (!Tolerances.close(a, numeric, Tolerances.FD_ABS, Tolerances.FD_REL)) {
                        fail(what + ": input " + k + " [" + r + "][" + c + "]: analytic " + a + " vs " + numeric);
                    }
                }
            }
        }
    }

    @Test
    void contentAddressingBackward() {
        SplittableRandom rng = new SplittableRandom(1);
        ContentAddressing ca = new ContentAddressing(N, M);
        Mat memory = random(B, N * M, -1, 1, rng), key = random(B, M, -1, 1, rng), beta = random(B, 1, 0.5, 3, rng);
        Mat rw = random(B, N, -1, 1, rng);
        ContentAddressing.Trace t = ca.newTrace(B, F64);
        Mat inv = F64.zeros(B, N);
        Supplier<Double> loss = () -> {
            ca.inverseLocationNorms(memory, inv);
            ca.similarity(memory, inv, key, t);
            ca.weighting(beta, t);
            return dot(rw, t.weighting());
        };
        loss.get();
        Mat d = rw.copy(), dKey = F64.zeros(B, M), dBeta = F64.zeros(B, 1), dMemory = F64.zeros(B, N * M);
        ca.weightingBackward(beta, t, d, dBeta);
        ca.similarityBackward(memory, inv, key, t, d, dKey, dMemory, ca.newWork(B, F64));
        check("content addressing", List.of(memory, key, beta), List.of(dMemory, dKey, dBeta), loss);
    }

    @Test
    void locationAddressingBackward() {
        SplittableRandom rng = new SplittableRandom(2);
        LocationAddressing la = new LocationAddressing(N, 1);
        Mat gate = random(B, 1, 0.1, 0.9, rng), content = random(B, N, 0.05, 1, rng), previous = random(B, N, 0.05, 1, rng);
        Mat shift = random(B, 3, 0.1, 1, rng), gamma = random(B, 1, 1, 3, rng), rw = random(B, N, -1, 1, rng);
        LocationAddressing.Trace t = la.newTrace(B, F64);
        Mat w = F64.zeros(B, N);
        Supplier<Double> loss = () -> {
            la.interpolate(gate, content, previous, t);
            la.shift(shift, t);
            la.sharpen(gamma, t, w);
            return dot(rw, w);
        };
        loss.get();
        Mat dW = rw.copy(), dGamma = F64.zeros(B, 1), dGated = F64.zeros(B, N), dShift = F64.zeros(B, 3);
        Mat dGate = F64.zeros(B, 1), dPrevious = F64.zeros(B, N);
        la.sharpenBackward(gamma, t, w, dW, dGamma);
        la.shiftBackward(shift, t, dW, dGated, dShift);
        la.interpolateBackward(gate, content, previous, dGated, dGate, dPrevious, la.newWork(B, F64));
        check("location addressing", List.of(gate, content, previous, shift, gamma), List.of(dGate, dGated, dPrevious, dShift, dGamma), loss);
    }

    @Test
    void readEraseAndAddBackward() {
        SplittableRandom rng = new SplittableRandom(3);
        Memory mem = new Memory(N, M);
        Mat memory = random(B, N * M, -1, 1, rng), wr = random(B, N, 0, 1, rng), rr = random(B, M, -1, 1, rng);
        Mat r = F64.zeros(B, M);
        Supplier<Double> read = () -> {
            mem.read(memory, wr, r);
            return dot(rr, r);
        };
        read.get();
        Mat dW = F64.zeros(B, N), dMemory = F64.zeros(B, N * M);
        mem.readBackward(memory, wr, rr, dW, dMemory);
        check("read", List.of(memory, wr), List.of(dMemory, dW), read);

        // two write heads: every erase, then every add
        Mat[] w = {random(B, N, 0, 1, rng), random(B, N, 0, 1, rng)};
        Mat[] e = {random(B, M, 0, 1, rng), random(B, M, 0, 1, rng)};
        Mat[] a = {random(B, M, -1, 1, rng), random(B, M, -1, 1, rng)};
        Mat rm = random(B, N * M, -1, 1, rng), next = F64.zeros(B, N * M);
        Supplier<Double> write = () -> {
            mem.erase(memory, w, e, next);
            mem.add(w, a, next);
            return dot(rm, next);
        };
        write.get();
        Mat[] dWw = {F64.zeros(B, N), F64.zeros(B, N)}, dE = {F64.zeros(B, M), F64.zeros(B, M)}, dA = {F64.zeros(B, M), F64.zeros(B, M)};
        Mat dPrevious = F64.zeros(B, N * M);
        mem.addBackward(rm, w, a, dWw, dA);
        mem.eraseBackward(memory, w, e, rm, dWw, dE, dPrevious, F64.zeros(B, N * M), F64.zeros(B, N));
        check("erase and add", List.of(memory, w[0], w[1], e[0], e[1], a[0], a[1]),
                List.of(dPrevious, dWw[0], dWw[1], dE[0], dE[1], dA[0], dA[1]), write);
    }

    @Test
    void addressingHeadBackward() {
        SplittableRandom rng = new SplittableRandom(4);
        AddressingHead head = new AddressingHead("read0", new Memory(N, M), 1);
        Mat memory = random(B, N * M, -1, 1, rng), previous = random(B, N, 0.05, 1, rng);
        AddressingHead.Controls c = new AddressingHead.Controls(random(B, M, -1, 1, rng), random(B, 1, 0.5, 3, rng),
                random(B, 1, 0.1, 0.9, rng), random(B, 3, 0.1, 1, rng), random(B, 1, 1, 3, rng));
        Mat rw = random(B, N, -1, 1, rng), w = F64.zeros(B, N), inv = F64.zeros(B, N);
        AddressingHead.Trace t = head.newTrace(B, F64);
        Supplier<Double> loss = () -> {
            head.content().inverseLocationNorms(memory, inv);
            head.forward(memory, inv, c, previous, w, t);
            return dot(rw, w);
        };
        loss.get();
        AddressingHead.Controls d = new AddressingHead.Controls(F64.zeros(B, M), F64.zeros(B, 1), F64.zeros(B, 1), F64.zeros(B, 3), F64.zeros(B, 1));
        Mat dPrevious = F64.zeros(B, N), dMemory = F64.zeros(B, N * M);
        head.backward(memory, inv, c, previous, w, t, rw.copy(), d, dPrevious, dMemory, head.newWork(B, F64));
        check("addressing head", List.of(memory, previous, c.key(), c.beta(), c.gate(), c.shift(), c.gamma()),
                List.of(dMemory, dPrevious, d.key(), d.beta(), d.gate(), d.shift(), d.gamma()), loss);
    }
}
