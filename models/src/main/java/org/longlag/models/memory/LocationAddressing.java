package org.longlag.models.memory;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.tensor.Mat;

/**
 * The NTM's location-based addressing (Graves, Wayne & Danihelka 2014, Sec. 3.3.2): a weighting
 * from content addressing is interpolated with the head's previous weighting, rotated by a soft
 * circular shift, and sharpened. One method per equation, each with its backward; weightings are
 * [batch x N], gates and sharpening exponents [batch x 1], shift weightings [batch x 2R+1] over the
 * shifts -R..R. It keeps no state of its own (the previous weighting is the caller's state part,
 * {@link AddressingHead#weightingPart}).
 *
 * <pre>
 *   (7)  w^g    = g w^c + (1 - g) w_{t-1}
 *   (8)  w~(i)  = sum_j w^g(j) s(i - j)                     indices mod N
 *   (9)  w(i)   = w~(i)^gamma / sum_j w~(j)^gamma            gamma &gt;= 1
 * </pre>
 *
 * @param locations  N, at least 1
 * @param shiftRange R: shifts -R..R, 2R + 1 &lt;= N
 */
public record LocationAddressing(int locations, int shiftRange) {

    /**
     * Floor added to the shifted weighting before sharpening: locations below it all get about the
     * same (negligible) weight instead of producing log 0. 1e-16 is pytorch-ntm's epsilon for the
     * same normalization, and a normal number in float32.
     */
    public static final double SHARPEN_FLOOR = 1e-16;

    public LocationAddressing {
        CellChecks.positive("locations", locations);
        if (shiftRange < 0 || 2 * shiftRange + 1 > locations) {
            throw new IllegalArgumentException("shiftRange must be in [0, " + (locations - 1) / 2
                    + "] (2 shiftRange + 1 shifts on " + locations + " memory rows), got " + shiftRange);
        }
    }

    /** What the backward of one head's location addressing needs; w^g and w~ are its intermediate results. */
    public static final class Trace {
        private final Mat gated;       // w^g
        private final Mat shifted;     // w~
        private final Mat logShifted;  // log(max(w~, 0) + delta)

        private Trace(int batch, int n, Precision p) {
            gated = p.zeros(batch, n);
            shifted = p.zeros(batch, n);
            logShifted = p.zeros(batch, n);
        }

        /** w^g of eq. (7). */
        public Mat gated() {
            return gated;
        }

        /** w~ of eq. (8). */
        public Mat shifted() {
            return shifted;
        }
    }

    /** Temporaries of the backward pass; one per thread serves every head of this shape. */
    public static final class Work {
        private final Mat difference;  // [batch x N]
        private final Mat oneMinusGate; // [batch x 1]

        private Work(int batch, int n, Precision p) {
            difference = p.zeros(batch, n);
            oneMinusGate = p.zeros(batch, 1);
        }
    }

    public Trace newTrace(int batch, Precision precision) {
        return new Trace(batch, locations, precision);
    }

    public Work newWork(int batch, Precision precision) {
        return new Work(batch, locations, precision);
    }

    // ------------------------------------------------------------------ (7) interpolation

    /** Eq. (7): w^g = g w^c + (1 - g) w_{t-1}, computed as w_{t-1} + g (w^c - w_{t-1}), into {@code t}. */
    public void interpolate(Mat gate, Mat content, Mat previous, Trace t) {
        t.gated.set(content);
        t.gated.addScaled(previous, -1.0);
        t.gated.multiplyColumnBroadcast(gate);
        t.gated.addScaled(previous, 1.0);
    }

    /**
     * Backward of eq. (7).
     *
     * @param dGated    dL/dw^g on entry, dL/dw^c on return
     * @param dGate     receives dL/dg
     * @param dPrevious receives dL/dw_{t-1}
     */
    public void interpolateBackward(Mat gate, Mat content, Mat previous, Mat dGated, Mat dGate, Mat dPrevious, Work w) {
        w.difference.set(content);
        w.difference.addScaled(previous, -1.0);
        dGate.setRowDots(dGated, w.difference);
        w.oneMinusGate.set(gate);
        w.oneMinusGate.scale(-1.0);
        w.oneMinusGate.addScalar(1.0);
        dPrevious.set(dGated);
        dPrevious.multiplyColumnBroadcast(w.oneMinusGate);
        dGated.multiplyColumnBroadcast(gate);
    }

    // ------------------------------------------------------------------ (8) circular shift

    /** Eq. (8): w~(i) = sum_j w^g(j) s(i - j), indices mod N, s over shifts -R..R; from and into {@code t}. */
    public void shift(Mat s, Trace t) {
        t.shifted.setCircularConvolution(t.gated, s);
    }

    /**
     * Backward of eq. (8).
     *
     * @param dShifted dL/dw~
     * @param dGated   receives dL/dw^g
     * @param dS       receives dL/ds
     */
    public void shiftBackward(Mat s, Trace t, Mat dShifted, Mat dGated, Mat dS) {
        dGated.zero();
        dGated.addCircularConvolutionInputGradient(dShifted, s);
        dS.zero();
        dS.addCircularConvolutionKernelGradient(dShifted, t.gated);
        dGated.flushDenormals(); // products of small gradients and small weights
    }

    // ------------------------------------------------------------------ (9) sharpening

    /**
     * Eq. (9): w(i) = w~(i)^gamma / sum_j w~(j)^gamma, computed as
     * softmax_i(gamma log(max(w~(i), 0) + delta)): the same value, without pow(0, gamma), 0 * log 0,
     * or a sum of powers that underflows.
     *
     * @param w receives the weighting w_t
     */
    public void sharpen(Mat gamma, Trace t, Mat w) {
        t.logShifted.setLogPositivePart(t.shifted, SHARPEN_FLOOR);
        w.set(t.logShifted);
        w.multiplyColumnBroadcast(gamma);
        w.setRowSoftmax(w);
        w.flushDenormals(); // as in (5): a focused head has many weights near exp(-90)
    }

    /**
     * Backward of eq. (9). With u = gamma log(w~ + delta) and w = softmax(u):
     * du = w .* (dw - dw . w), dgamma = du . log(w~ + delta), dw~ = du gamma / (w~ + delta).
     *
     * @param w      the weighting w_t forward produced
     * @param dW     dL/dw on entry, dL/dw~ on return
     * @param dGamma receives dL/dgamma
     */
    public void sharpenBackward(Mat gamma, Trace t, Mat w, Mat dW, Mat dGamma) {
        dW.setRowSoftmaxBackward(w, dW);
        dGamma.setRowDots(dW, t.logShifted);
        dW.multiplyColumnBroadcast(gamma);
        dW.multiplyLogPositivePartDerivative(t.shifted, SHARPEN_FLOOR);
    }
}
