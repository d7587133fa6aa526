package org.longlag.models.memory;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.tensor.Mat;

/**
 * Content-based addressing (Graves, Wayne & Danihelka 2014, Sec. 3.3.1; the DNC's lookup C(M, k,
 * beta), Graves et al. 2016): a key k is compared with every location of a memory by cosine
 * similarity, and a softmax sharpened by the key strength beta turns the similarities into a
 * weighting over the N locations. It works on any memory in the {@link Memory} layout and any key
 * [batch x M], with one strength per sample [batch x 1]; it keeps no state.
 *
 * <pre>
 *   (6)  K[k, M(i)] = k . M(i) / (||k|| ||M(i)||)
 *   (5)  w^c(i)     = exp(beta K[k, M(i)]) / sum_j exp(beta K[k, M(j)])
 * </pre>
 *
 * Every norm is the smooth sqrt(||v||^2 + {@link #NORM_EPS}^2), so a zero key or an empty location
 * gives similarity 0 and finite derivatives (DeepMind's {@code addressing.py} adds its epsilon in
 * the same place). The inverse location norms 1/||M(i)|| depend on the memory alone: computed once
 * per memory ({@link #inverseLocationNorms}) and shared by every head that addresses it.
 *
 * @param locations N, at least 1
 * @param width     M, the width of a location and of the key, at least 1
 */
public record ContentAddressing(int locations, int width) {

    /** Floor of every vector norm in the cosine similarity: ||v|| is sqrt(||v||^2 + NORM_EPS^2). */
    public static final double NORM_EPS = 1e-8;

    public ContentAddressing {
        CellChecks.positive("locations", locations);
        CellChecks.positive("width", width);
    }

    /** Content addressing of a memory of this shape. */
    public ContentAddressing(Memory memory) {
        this(memory.locations(), memory.width());
    }

    /** What the backward of one lookup needs from its forward pass; the weighting w^c is its result. */
    public static final class Trace {
        private final Mat invKeyNorm;  // 1 / ||k||, [batch x 1]
        private final Mat similarity;  // K[k, M(i)], [batch x N]
        private final Mat weighting;   // w^c, [batch x N]

        private Trace(int batch, int n, Precision p) {
            invKeyNorm = p.zeros(batch, 1);
            similarity = p.zeros(batch, n);
            weighting = p.zeros(batch, n);
        }

        /** K[k, M(i)] of eq. (6), [batch x N]. */
        public Mat similarity() {
            return similarity;
        }

        /** w^c of eq. (5), [batch x N]. */
        public Mat weighting() {
            return weighting;
        }
    }

    /** Temporaries of the backward pass, [batch x ...]; one per thread serves every lookup of this shape. */
    public static final class Work {
        private final Mat rowScale;  // [batch x N]
        private final Mat rho;       // [batch x 1]
        private final Mat key;       // [batch x M]

        private Work(int batch, int n, int m, Precision p) {
            rowScale = p.zeros(batch, n);
            rho = p.zeros(batch, 1);
            key = p.zeros(batch, m);
        }
    }

    public Trace newTrace(int batch, Precision precision) {
        return new Trace(batch, locations, precision);
    }

    public Work newWork(int batch, Precision precision) {
        return new Work(batch, locations, width, precision);
    }

    /**
     * 1 / ||M(i)|| for every location of {@code memory}, [batch x N]: the part of eq. (6) that
     * depends on the memory alone.
     */
    public void inverseLocationNorms(Mat memory, Mat invLocationNorms) {
        invLocationNorms.setBlockColumnNorms(memory, NORM_EPS); // memory is stored transposed: locations are columns
        invLocationNorms.setReciprocal(invLocationNorms);
    }

    // ------------------------------------------------------------------ (6) cosine similarity

    /** Eq. (6): K[k, M(i)] = k . M(i) / (||k|| ||M(i)||), into {@code t}. */
    public void similarity(Mat memory, Mat invLocationNorms, Mat key, Trace t) {
        t.invKeyNorm.setBlockColumnNorms(key, NORM_EPS); // the key as an M x 1 matrix
        t.invKeyNorm.setReciprocal(t.invKeyNorm);
        t.similarity.zero();
        t.similarity.addBlockVecMat(memory, key);
        t.similarity.multiply(invLocationNorms);
        t.similarity.multiplyColumnBroadcast(t.invKeyNorm);
    }

    /**
     * Backward of eq. (6). With q_i = dK_i / (||k|| ||M(i)||):
     * dk = sum_i q_i M(i) - (sum_i dK_i K_i) k / ||k||^2, and
     * dM(i) += q_i k - dK_i K_i M(i) / ||M(i)||^2.
     *
     * @param dK      dL/dK, destroyed
     * @param dKey    receives dL/dk
     * @param dMemory dL/dM, accumulated
     */
    public void similarityBackward(Mat memory, Mat invLocationNorms, Mat key, Trace t, Mat dK, Mat dKey, Mat dMemory, Work w) {
        Mat rho = w.rho, rowScale = w.rowScale;
        rho.setRowDots(dK, t.similarity);
        rowScale.setProduct(dK, t.similarity);
        rowScale.multiply(invLocationNorms);
        rowScale.multiply(invLocationNorms);
        rowScale.scale(-1);
        dK.multiply(invLocationNorms);           // dK becomes q
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

    /** Eq. (5): w^c(i) = exp(beta K(i)) / sum_j exp(beta K(j)), from the similarities in {@code t}, into {@code t}. */
    public void weighting(Mat beta, Trace t) {
        t.weighting.set(t.similarity);
        t.weighting.multiplyColumnBroadcast(beta);
        t.weighting.setRowSoftmax(t.weighting);
        t.weighting.flushDenormals(); // exp(beta K - max) can land in float32's subnormal range
    }

    /**
     * Backward of eq. (5).
     *
     * @param dWeighting dL/dw^c on entry, dL/dK on return
     * @param dBeta      receives dL/dbeta
     */
    public void weightingBackward(Mat beta, Trace t, Mat dWeighting, Mat dBeta) {
        dWeighting.setRowSoftmaxBackward(t.weighting, dWeighting); // dL/d(beta K)
        dBeta.setRowDots(dWeighting, t.similarity);
        dWeighting.multiplyColumnBroadcast(beta);
    }
}
