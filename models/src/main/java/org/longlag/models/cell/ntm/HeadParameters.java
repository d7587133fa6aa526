package org.longlag.models.cell.ntm;

import org.longlag.models.memory.AddressingHead;
import org.longlag.models.tensor.Mat;

/**
 * Where each head's parameters sit in the controller's interface vector xi_t = h_t W_xi + b_xi, and
 * the activations that put them in range (Graves et al. 2014, Sec. 3.3; activations as in Collier &
 * Beel 2018 and pytorch-ntm):
 *
 * <pre>
 *   key        k     = tanh(xi_k)             (width M; cosine similarity only sees its direction)
 *   strength   beta  = softplus(xi_beta)      beta  &gt;= 0
 *   gate       g     = sigmoid(xi_g)          g in (0, 1)
 *   sharpening gamma = 1 + softplus(xi_gamma) gamma &gt;= 1
 *   shift      s     = softmax(xi_s)          over shifts -R..R (width 2R + 1)
 *   erase      e     = sigmoid(xi_e)          write heads only (width M)
 *   add        a     = tanh(xi_a)             write heads only (width M)
 * </pre>
 *
 * Layout: every head (read heads first, then write heads) has [k | beta | g | gamma | s]; the erase
 * and add vectors of the write heads follow, [e | a] per write head (Collier & Beel's order).
 *
 * <p>Before the activations, xi_t is clipped to [-clip, clip] when clip &gt; 0: Collier & Beel clip
 * the controller's head outputs to [-20, 20], which bounds beta and gamma (so exp and powers stay
 * in range) and was part of what made their training free of NaN.
 */
final class HeadParameters {

    private final int width;      // M
    private final int shifts;     // S = 2R + 1
    private final int heads;      // read + write
    private final int readHeads;
    private final double clip;

    HeadParameters(int memoryWidth, int shiftRange, int readHeads, int writeHeads, double clip) {
        this.width = memoryWidth;
        this.shifts = 2 * shiftRange + 1;
        this.heads = readHeads + writeHeads;
        this.readHeads = readHeads;
        this.clip = clip;
    }

    /** Width of [k | beta | g | gamma | s]. */
    private int perHead() {
        return width + 3 + shifts;
    }

    /** Width P of the interface vector. */
    int size() {
        return heads * perHead() + 2 * width * (heads - readHeads);
    }

    /** Views of one head's columns of a [batch x P] matrix (raw, activated, or their gradients). */
    static final class View {
        final Mat key, beta, gate, gamma, shift;
        final Mat erase, add; // null for read heads
        final AddressingHead.Controls controls; // key, beta, gate, shift, gamma, as the addressing takes them

        private View(Mat key, Mat beta, Mat gate, Mat gamma, Mat shift, Mat erase, Mat add) {
            this.key = key;
            this.beta = beta;
            this.gate = gate;
            this.gamma = gamma;
            this.shift = shift;
            this.erase = erase;
            this.add = add;
            this.controls = new AddressingHead.Controls(key, beta, gate, shift, gamma);
        }
    }

    /** One view per head of {@code xi}, read heads first. */
    View[] views(Mat xi) {
        View[] v = new View[heads];
        for (int h = 0; h < heads; h++) {
            int o = h * perHead();
            Mat erase = null, add = null;
            if (h >= readHeads) {
                int eo = heads * perHead() + 2 * width * (h - readHeads);
                erase = xi.columns(eo, width);
                add = xi.columns(eo + width, width);
            }
            v[h] = new View(xi.columns(o, width), xi.columns(o + width, 1), xi.columns(o + width + 1, 1),
                    xi.columns(o + width + 2, 1), xi.columns(o + width + 3, shifts), erase, add);
        }
        return v;
    }

    /** Clips xi in place (when clip &gt; 0) and writes the activated parameters into {@code act}. */
    void activate(Mat xi, View[] raw, View[] act) {
        if (clip > 0) xi.clip(clip);
        for (int h = 0; h < heads; h++) {
            View x = raw[h], y = act[h];
            y.key.setTanh(x.key);
            y.beta.setSoftplus(x.beta);
            y.gate.setSigmoid(x.gate);
            y.gamma.setSoftplus(x.gamma);
            y.gamma.addScalar(1.0);
            y.shift.setRowSoftmax(x.shift);
            if (y.erase != null) {
                y.erase.setSigmoid(x.erase);
                y.add.setTanh(x.add);
            }
        }
    }

    /**
     * Turns dL/d(activated parameters) into dL/d(xi before clipping), in place.
     *
     * @param tmpCol a [batch x 1] temporary
     */
    void backward(Mat xi, View[] raw, View[] act, Mat dXi, View[] d, Mat tmpCol) {
        for (int h = 0; h < heads; h++) {
            View x = raw[h], y = act[h], g = d[h];
            g.key.multiplyTanhDerivative(y.key);
            tmpCol.setSigmoid(x.beta); // softplus' = sigmoid
            g.beta.multiply(tmpCol);
            g.gate.multiplySigmoidDerivative(y.gate);
            tmpCol.setSigmoid(x.gamma);
            g.gamma.multiply(tmpCol);
            g.shift.setRowSoftmaxBackward(y.shift, g.shift);
            if (g.erase != null) {
                g.erase.multiplySigmoidDerivative(y.erase);
                g.add.multiplyTanhDerivative(y.add);
            }
        }
        if (clip > 0) dXi.multiplyClipDerivative(xi, clip);
    }
}
