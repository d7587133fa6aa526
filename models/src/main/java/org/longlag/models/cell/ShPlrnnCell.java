package org.longlag.models.cell;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * The shallow PLRNN of current dynamical-system reconstruction work (Hess, Monfared, Brenner &
 * Durstewitz, ICML 2023, "Generalized teacher forcing for learning chaotic dynamics"; reference
 * code DurstewitzLab/GTF-shPLRNN, {@code src/models/shallow_plrnn.jl}): a diagonal linear part
 * plus a one-hidden-layer ReLU network of width L,
 *
 * <pre>
 *   z_t = A z_{t-1} + W1 relu(W2 z_{t-1} + h2) + h1 + C s_t                         (shPLRNN)
 *   z_t = A z_{t-1} + W1 [relu(W2 z_{t-1} + h2) - relu(W2 z_{t-1})] + h1 + C s_t     (clipped)
 * </pre>
 *
 * The clipped form's nonlinearity is bounded (each hidden unit contributes between 0 and h2), so
 * orbits stay bounded when ||A|| < 1. Parameter blocks in the paper's orientation: A [1 x M]
 * (the diagonal), W1 [M x L], W2 [L x M], h1 [1 x M], h2 [1 x L], C [M x K].
 *
 * <p>Initialization as the reference ({@code initialization.jl}, {@code shallow_plrnn.jl}): A is
 * the diagonal of K / lambda_max(K) with K = R^T R / M + I, R ~ N(0, 1) (Talathi & Vartak's
 * positive-definite start), h1 = 0; W1 ~ U(+-1/sqrt(L)), W2 ~ U(+-1/sqrt(M)) (their
 * {@code uniform_init}: bound 1/sqrt of the last dimension); h2 = 0, or U(+-1/sqrt(L)) in the
 * clipped form (where h2 = 0 would make the nonlinearity vanish); C Glorot-uniform
 * U(+-sqrt(6 / (M + K))).
 *
 * @param inputSize   K, width of s_t, at least 1
 * @param latentSize  M, at least 1
 * @param hiddenWidth L, width of the hidden layer, at least 1
 * @param clipped     whether the nonlinearity is the clipped difference of ReLUs
 */
@JsonTypeName("shplrnn")
public record ShPlrnnCell(int inputSize, int latentSize, int hiddenWidth, boolean clipped) implements Cell {

    static final int A = 0;
    static final int W1 = 1;
    static final int W2 = 2;
    static final int H1 = 3;
    static final int H2 = 4;
    static final int C = 5;

    public ShPlrnnCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("latentSize", latentSize);
        CellChecks.positive("hiddenWidth", hiddenWidth);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("z", latentSize));
    }

    @Override
    public ParameterLayout parameterLayout() {
        return ParameterLayout.builder()
                .vector("A", latentSize)
                .matrixWithTranspose("W1", latentSize, hiddenWidth)
                .matrixWithTranspose("W2", hiddenWidth, latentSize)
                .vector("h1", latentSize)
                .vector("h2", hiddenWidth)
                .matrixWithTranspose("C", latentSize, inputSize)
                .build();
    }

    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        int m = latentSize, l = hiddenWidth;
        double[] a = positiveDefiniteDiagonal(m, rng);
        for (int i = 0; i < m; i++) w.get(A).set(0, i, a[i]);
        Initializers.uniform(w.get(W1), -1 / Math.sqrt(l), 1 / Math.sqrt(l), rng);
        Initializers.uniform(w.get(W2), -1 / Math.sqrt(m), 1 / Math.sqrt(m), rng);
        w.get(H1).zero();
        if (clipped) {
            Initializers.uniform(w.get(H2), -1 / Math.sqrt(l), 1 / Math.sqrt(l), rng);
        } else {
            w.get(H2).zero();
        }
        double g = Math.sqrt(6.0 / (m + inputSize));
        Initializers.uniform(w.get(C), -g, g, rng);
        w.refreshTransposes();
    }

    /** diag(K) / lambda_max(K), K = R^T R / M + I, R ~ N(0, 1) [M x M]. */
    private static double[] positiveDefiniteDiagonal(int m, SplittableRandom rng) {
        double[][] r = new double[m][m];
        for (double[] row : r) {
            for (int j = 0; j < m; j++) row[j] = Initializers.nextGaussian(rng);
        }
        double[][] k = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int q = 0; q < m; q++) s += r[q][i] * r[q][j];
                k[i][j] = s / m + (i == j ? 1 : 0);
            }
        }
        double lambda = SpectralRadius.of(k); // K is positive definite: its largest eigenvalue
        double[] a = new double[m];
        for (int i = 0; i < m; i++) a[i] = k[i][i] / lambda;
        return a;
    }

    /** Hidden-layer values of one step: u = W2 z + h2, phi, and (clipped) relu(W2 z). */
    static final class Record implements StepRecord {
        final Mat u;
        final Mat phi;
        final Mat reluV;

        Record(int batch, int l, boolean clipped, Precision p) {
            u = p.zeros(batch, l);
            phi = p.zeros(batch, l);
            reluV = clipped ? p.zeros(batch, l) : null;
        }
    }

    static final class Work implements Scratch {
        final Mat dPhi;
        final Mat dV;

        Work(int batch, int l, boolean clipped, Precision p) {
            dPhi = p.zeros(batch, l);
            dV = clipped ? p.zeros(batch, l) : null;
        }
    }

    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return new Record(batch, hiddenWidth, clipped, precision);
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new Work(batch, hiddenWidth, clipped, precision);
    }

    /** z_t = A z_{t-1} + W1 phi + h1 + C s_t, in rows: z .* a + phi W1^T + h1 + s C^T */
    @Override
    public void forward(Parameters w, StepTape tape) {
        Record r = (Record) tape.record();
        Mat zPrev = tape.prev().part(0), z = tape.next().part(0);
        hiddenLayer(w, zPrev, r);
        z.zero();
        z.addRowBroadcast(w.get(H1));
        z.addProductRowBroadcast(zPrev, w.get(A));
        z.addMatMul(r.phi, w.transposed(W1));
        z.addMatMul(tape.x(), w.transposed(C));
    }

    /** phi = relu(W2 z + h2), or relu(W2 z + h2) - relu(W2 z) when clipped */
    private void hiddenLayer(Parameters w, Mat zPrev, Record r) {
        r.u.zero();
        r.u.addMatMul(zPrev, w.transposed(W2));
        if (clipped) r.reluV.setRelu(r.u);
        r.u.addRowBroadcast(w.get(H2));
        r.phi.setRelu(r.u);
        if (clipped) r.phi.addScaled(r.reluV, -1.0);
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Record r = (Record) tape.record();
        Work s = (Work) scratch;
        Mat dz = dNext.part(0), zPrev = tape.prev().part(0);

        s.dPhi.zero();
        s.dPhi.addMatMul(dz, w.get(W1));
        Mat dv = hiddenLayerBackward(r, s);
        grad.get(H2).addColumnSums(s.dPhi); // dL/dh2 = dphi .* [u > 0], left in dPhi

        Mat dzPrev = dPrev.part(0);
        dzPrev.zero();
        dzPrev.addProductRowBroadcast(dz, w.get(A));
        dzPrev.addMatMul(dv, w.get(W2));
        if (dx != null) {
            dx.zero();
            dx.addMatMul(dz, w.get(C));
        }

        grad.get(A).addColumnSumsOfProduct(dz, zPrev);
        grad.get(W1).addTransAMatMul(dz, r.phi);
        grad.get(W2).addTransAMatMul(dv, zPrev);
        grad.get(H1).addColumnSums(dz);
        grad.get(C).addTransAMatMul(dz, tape.x());
    }

    /**
     * From dL/dphi (in dPhi) to dL/d(W2 z), returned, leaving dL/du = dphi .* [u > 0] in dPhi:
     * dv = dphi .* [u > 0] (the same matrix), less dphi .* [W2 z > 0] when clipped (in dV).
     */
    private Mat hiddenLayerBackward(Record r, Work s) {
        if (clipped) {
            s.dV.set(s.dPhi);
            s.dV.multiplyReluDerivative(r.reluV);
            s.dV.scale(-1.0);
        }
        s.dPhi.multiplyReluDerivative(r.u);
        s.dPhi.flushDenormals();
        if (!clipped) return s.dPhi;
        s.dV.addScaled(s.dPhi, 1.0);
        s.dV.flushDenormals();
        return s.dV;
    }
}
