package org.longlag.models.cell.ntm;

import org.longlag.models.Precision;
import org.longlag.models.tensor.Mat;

/**
 * How one head turns its parameters into a weighting w_t over the N memory locations (Graves, Wayne &
 * Danihelka 2014, "Neural Turing Machines", Sec. 3.3), one method per equation, each with its
 * backward. Every matrix is [batch x N] unless said otherwise; each row is one sample.
 *
 * <p>Where NaN comes from in NTM implementations, and the guard here:
 * <ul>
 *   <li>cosine similarity of a zero vector (0/0, and a derivative k/||k|| that is 0/0): every norm
 *       is the smooth sqrt(||v||^2 + {@link #NORM_EPS}^2), finite with a finite derivative at 0;
 *       memory initialized to a constant 1e-6 has row norms ~1e-6, well above it;</li>
 *   <li>softmax overflow for large beta K: the row maximum is subtracted (Mat.setRowSoftmax);</li>
 *   <li>pow(0, gamma) and its gamma-derivative 0 * log 0, and a sum of powers that underflows to
 *       0 in float32 when gamma is large (0/0): sharpening is computed as the equivalent
 *       softmax(gamma log(w~ + delta)) with delta = {@link #SHARPEN_FLOOR}, so the largest term is
 *       exactly 1 and the sum never vanishes;</li>
 *   <li>(not NaN, but speed) weights and their gradients below float32's normal range are
 *       flushed to zero, as the BPTT engine does for states: subnormal arithmetic is many times
 *       slower and the JVM cannot set flush-to-zero;</li>
 *   <li>a shifted weighting with a negative entry (only from a previous weighting that is not a
 *       probability vector, e.g. a hand-set initial state) would make the log NaN: its positive
 *       part is used.</li>
 * </ul>
 */
final class NtmAddressing {

    /** Floor of every vector norm in the cosine similarity: ||v|| is sqrt(||v||^2 + NORM_EPS^2). */
    static final double NORM_EPS = 1e-8;

    /**
     * Floor added to the shifted weighting before sharpening: locations below it all get about the
     * same (negligible) weight instead of producing log 0. 1e-16 is pytorch-ntm's epsilon for the
     * same normalization, and a normal number in float32.
     */
    static final double SHARPEN_FLOOR = 1e-16;

    private NtmAddressing() {
    }

    /** What the backward of one head's addressing needs from its forward pass. */
    static final class Trace {
        final Mat invKeyNorm;  // 1 / ||k||, [batch x 1]
        final Mat similarity;  // K[k, M(i)]
        final Mat content;     // w^c
        final Mat gated;       // w^g
        final Mat shifted;     // w~
        final Mat logShifted;  // log(max(w~, 0) + delta)

        Trace(int batch, int n, Precision p) {
            invKeyNorm = p.zeros(batch, 1);
            similarity = p.zeros(batch, n);
            content = p.zeros(batch, n);
            gated = p.zeros(batch, n);
            shifted = p.zeros(batch, n);
            logShifted = p.zeros(batch, n);
        }
    }

    /** Temporaries of the backward pass of one head. */
    static final class Work {
        final Mat n1, n2;       // [batch x N]
        final Mat col1, col2;   // [batch x 1]
        final Mat key;          // [batch x M]

        Work(int batch, int n, int m, Precision p) {
            n1 = p.zeros(batch, n);
            n2 = p.zeros(batch, n);
            col1 = p.zeros(batch, 1);
            col2 = p.zeros(batch, 1);
            key = p.zeros(batch, m);
        }
    }

    // ------------------------------------------------------------------ (6) cosine similarity

    /** 1 / ||M(i)|| for every location of M_{t-1}, shared by all heads of a step. */
    static void inverseRowNorms(Mat memory, Mat invRowNorm) {
        invRowNorm.setBlockColumnNorms(memory, NORM_EPS); // memory is stored transposed: locations are columns
        invRowNorm.setReciprocal(invRowNorm);
    }

    /** Eq. (6): K[k, M(i)] = k . M(i) / (||k|| ||M(i)||). */
    static void similarity(Mat memory, Mat invRowNorm, Mat key, Trace t) {
        t.invKeyNorm.setBlockColumnNorms(key, NORM_EPS); // the key as an M x 1 matrix
        t.invKeyNorm.setReciprocal(t.invKeyNorm);
        t.similarity.zero();
        t.similarity.addBlockVecMat(memory, key);
        t.similarity.multiply(invRowNorm);
        t.similarity.multiplyColumnBroadcast(t.invKeyNorm);
    }

    /**
     * Backward of eq. (6). With q_i = dK_i / (||k|| ||M(i)||):
     * dk = sum_i q_i M(i) - (sum_i dK_i K_i) k / ||k||^2, and
     * dM(i) += q_i k - dK_i K_i M(i) / ||M(i)||^2.
     *
     * @param dK      dL/dK, destroyed
     * @param dKey    receives dL/dk
     * @param dMemory dL/dM_{t-1}, accumulated
     */
    static void similarityBackward(Mat memory, Mat invRowNorm, Mat key, Trace t, Mat dK, Mat dKey, Mat dMemory, Work w) {
        Mat rho = w.col1, rowScale = w.n1;
        rho.setRowDots(dK, t.similarity);
        rowScale.setProduct(dK, t.similarity);
        rowScale.multiply(invRowNorm);
        rowScale.multiply(invRowNorm);
        rowScale.scale(-1);
        dK.multiply(invRowNorm);                 // dK becomes q
        dK.multiplyColumnBroadcast(t.invKeyNorm);
        dKey.zero();
        dKey.addBlockMatVec(memory, dK);
        rho.multiply(t.invKeyNorm);
        rho.multiply(t.invKeyNorm);
        rho.scale(-1);
        w.key.set(key);
        w.key.multiplyColumnBroadcast(rho);
        dKey.addScaled(w.key, 1.0);
        dMemory.addBlockOuter(key, dK);
        dMemory.addBlockColumnScaled(rowScale, memory);
    }

    // ------------------------------------------------------------------ (5) content weighting

    /** Eq. (5): w^c(i) = exp(beta K(i)) / sum_j exp(beta K(j)). */
    static void contentWeighting(Mat beta, Trace t) {
        t.content.set(t.similarity);
        t.content.multiplyColumnBroadcast(beta);
        t.content.setRowSoftmax(t.content);
        t.content.flushDenormals(); // exp(beta K - max) can land in float32's subnormal range
    }

    /**
     * Backward of eq. (5).
     *
     * @param dContent dL/dw^c on entry, dL/dK on return
     * @param dBeta    receives dL/dbeta
     */
    static void contentWeightingBackward(Mat beta, Trace t, Mat dContent, Mat dBeta) {
        dContent.setRowSoftmaxBackward(t.content, dContent); // dL/d(beta K)
        dBeta.setRowDots(dContent, t.similarity);
        dContent.multiplyColumnBroadcast(beta);
    }

    // ------------------------------------------------------------------ (7) interpolation

    /** Eq. (7): w^g = g w^c + (1 - g) w_{t-1}, computed as w_{t-1} + g (w^c - w_{t-1}). */
    static void interpolate(Mat gate, Mat previous, Trace t) {
        t.gated.set(t.content);
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
    static void interpolateBackward(Mat gate, Mat previous, Trace t, Mat dGated, Mat dGate, Mat dPrevious, Work w) {
        w.n2.set(t.content);
        w.n2.addScaled(previous, -1.0);
        dGate.setRowDots(dGated, w.n2);
        w.col2.set(gate);
        w.col2.scale(-1.0);
        w.col2.addScalar(1.0);
        dPrevious.set(dGated);
        dPrevious.multiplyColumnBroadcast(w.col2);
        dGated.multiplyColumnBroadcast(gate);
    }

    // ------------------------------------------------------------------ (8) convolutional shift

    /** Eq. (8): w~(i) = sum_j w^g(j) s(i - j), indices mod N, s over shifts -R..R. */
    static void shift(Mat s, Trace t) {
        t.shifted.setCircularConvolution(t.gated, s);
    }

    /**
     * Backward of eq. (8).
     *
     * @param dShifted dL/dw~
     * @param dGated   receives dL/dw^g
     * @param dS       receives dL/ds
     */
    static void shiftBackward(Mat s, Trace t, Mat dShifted, Mat dGated, Mat dS) {
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
     */
    static void sharpen(Mat gamma, Trace t, Mat w) {
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
     * @param dW     dL/dw on entry, dL/dw~ on return
     * @param dGamma receives dL/dgamma
     */
    static void sharpenBackward(Mat gamma, Trace t, Mat w, Mat dW, Mat dGamma) {
        dW.setRowSoftmaxBackward(w, dW);
        dGamma.setRowDots(dW, t.logShifted);
        dW.multiplyColumnBroadcast(gamma);
        dW.multiplyLogPositivePartDerivative(t.shifted, SHARPEN_FLOOR);
    }
}
