package org.longlag.models.memory;

import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.StatePart;
import org.longlag.models.tensor.Mat;

/**
 * An N x M memory per sample, and reading and writing it (Graves, Wayne & Danihelka 2014, Sec. 3.1
 * and 3.2; the DNC's write is the same erase and add with one write head, Graves et al. 2016,
 * "Methods: Writing"). One method per equation, each with its backward.
 *
 * <p>Layout: a memory matrix is [batch x M*N]; row b holds sample b's memory transposed, an M x N
 * matrix whose column i is location M(i) (component j of location i at j N + i), so that the
 * "block" ops of {@link Mat} loop over the N locations (C2 vectorizes loops of N = 128 far better
 * than loops of M = 20). Weightings are [batch x N], read vectors, erase and add vectors
 * [batch x M].
 *
 * <p>With several write heads, every erase is applied before any add (the NTM paper: "the order
 * in which the adds are performed by multiple heads is irrelevant", and the erases multiply, so
 * they commute too). Which memory a read sees (M_{t-1} for the NTM, as in pytorch-ntm and Collier
 * & Beel 2018; M_t for the DNC) is the caller's choice.
 *
 * @param locations N, at least 1
 * @param width     M, values per location, at least 1
 */
public record Memory(int locations, int width) {

    public Memory {
        CellChecks.positive("locations", locations);
        CellChecks.positive("width", width);
    }

    /** The state part that keeps this memory, N*M values per sample in the layout above. */
    public StatePart statePart(String name) {
        return new StatePart(name, locations * width);
    }

    // ------------------------------------------------------------------ (2) read

    /** Eq. (2): r = sum_i w(i) M(i). */
    public void read(Mat memory, Mat w, Mat r) {
        r.zero();
        r.addBlockMatVec(memory, w);
    }

    /**
     * Backward of eq. (2): dw(i) += dr . M(i), dM(i) += w(i) dr.
     *
     * @param dW      dL/dw, accumulated
     * @param dMemory dL/dM, accumulated
     */
    public void readBackward(Mat memory, Mat w, Mat dR, Mat dW, Mat dMemory) {
        dW.addBlockVecMat(memory, dR);
        dMemory.addBlockOuter(dR, w);
    }

    // ------------------------------------------------------------------ (3) erase

    /**
     * Eq. (3), every write head h: M~(i) = M_{t-1}(i) prod_h [1 - w_h(i) e_h].
     *
     * @param w      the write heads' weightings w_h
     * @param e      their erase vectors e_h, in [0, 1]
     * @param erased receives M~ (may not be {@code previous})
     */
    public void erase(Mat previous, Mat[] w, Mat[] e, Mat erased) {
        eraseFactors(previous, w, e, -1, erased);
    }

    /**
     * Backward of eq. (3). With F_h = 1 - w_h e_h^T and G_h = dM~ .* M_{t-1} .* prod_{u != h} F_u:
     * dM_{t-1} = dM~ .* prod_h F_h, dw_h(i) -= G_h(i) . e_h, de_h = -sum_i w_h(i) G_h(i).
     *
     * @param dErased   dL/dM~
     * @param dW        dL/dw_h, accumulated
     * @param dE        receives dL/de_h
     * @param dPrevious receives dL/dM_{t-1} through the erase (overwritten)
     * @param wide      a [batch x M*N] temporary
     * @param tmpN      a [batch x N] temporary
     */
    public void eraseBackward(Mat previous, Mat[] w, Mat[] e, Mat dErased, Mat[] dW, Mat[] dE, Mat dPrevious, Mat wide, Mat tmpN) {
        for (int h = 0; h < w.length; h++) {
            wide.setProduct(dErased, previous);
            eraseFactors(wide, w, e, h, wide);
            tmpN.zero();
            tmpN.addBlockVecMat(wide, e[h]);
            dW[h].addScaled(tmpN, -1.0);
            dE[h].zero();
            dE[h].addBlockMatVec(wide, w[h]);
            dE[h].scale(-1.0);
        }
        eraseFactors(dErased, w, e, -1, dPrevious);
    }

    /** out = x .* prod_{h != skip} (1 - w_h e_h^T), one pass per head and no copy of x first. */
    private static void eraseFactors(Mat x, Mat[] w, Mat[] e, int skip, Mat out) {
        Mat from = x;
        for (int h = 0; h < w.length; h++) {
            if (h == skip) continue;
            out.setProductOneMinusBlockOuter(from, e[h], w[h]);
            from = out;
        }
        if (from != out) out.set(x);
    }

    // ------------------------------------------------------------------ (4) add

    /**
     * Eq. (4), every write head h: M_t(i) = M~(i) + sum_h w_h(i) a_h, in place on M~.
     *
     * @param a the write heads' add vectors a_h
     */
    public void add(Mat[] w, Mat[] a, Mat memory) {
        for (int h = 0; h < w.length; h++) memory.addBlockOuter(a[h], w[h]);
    }

    /**
     * Backward of eq. (4): da_h = sum_i w_h(i) dM(i), dw_h(i) += dM(i) . a_h; dM~ = dM.
     *
     * @param dW dL/dw_h, accumulated
     * @param dA receives dL/da_h
     */
    public void addBackward(Mat dMemory, Mat[] w, Mat[] a, Mat[] dW, Mat[] dA) {
        for (int h = 0; h < w.length; h++) {
            dA[h].zero();
            dA[h].addBlockMatVec(dMemory, w[h]);
            dW[h].addBlockVecMat(dMemory, a[h]);
        }
    }
}
