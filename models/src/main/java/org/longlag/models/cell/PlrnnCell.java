package org.longlag.models.cell;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * The piecewise-linear RNN with its stable-subspace regularizer (Schmidt, Koppe, Monfared,
 * Beutelspacher & Durstewitz, ICLR 2021, "Identifying nonlinear dynamical systems with multiple
 * time scales and long-range dependencies"):
 *
 * <pre>
 *   z_t = A z_{t-1} + W relu(z_{t-1}) + h + C s_t        A diagonal, W off-diagonal
 * </pre>
 *
 * State part 0 is z (M units). Parameter blocks, in the paper's orientation: A as a [1 x M] row
 * (the diagonal), W [M x M] with W[i][j] the weight from unit j to unit i, h [1 x M], C [M x K].
 *
 * <p><b>W's diagonal is not a parameter.</b> It starts at zero; the forward step takes its share
 * back out of the product with W (as the reference's {@code OffDiagLinear} does, so a stored
 * nonzero diagonal changes nothing); the backward step writes zero into its gradient; the
 * regularizer skips it. Updaters that leave a parameter with a zero gradient in place (Adam,
 * RMSProp, SGD) therefore keep it exactly zero through training.
 *
 * <p><b>Regularized units</b> are units 0..p-1 (p = {@code regularizedUnits}). With the
 * {@link Penalty#LINE_ATTRACTOR} penalty (rPLRNN) the regularizer, added to the loss once per
 * batch, pulls them toward A_ii = 1, W_i. = 0, h_i = 0, i.e. toward integrators that hold a value
 * indefinitely (a line attractor), while units p..M-1 stay free:
 *
 * <pre>
 *   L_reg = tau_A / p      sum_{i<p} (A_ii - 1)^2
 *         + tau_W / (p M)  sum_{i<p} sum_{j != i} W_ij^2
 *         + tau_W / p      sum_{i<p} h_i^2
 * </pre>
 *
 * Means, not sums, and rows of W: as the reference code ({@code benchmark_run/gdplrnn/training.py},
 * {@code regularization_loss}: {@code F.mse_loss} over {@code A[:p]}, {@code W[:p, :]} (the
 * default {@code W_regularization_scheme: "R"} of {@code default_config.yaml}) and {@code h[:p]};
 * the W mean counts all p M entries of those rows, including the diagonal held at zero).
 * {@link Penalty#L2} uses the same entries with target 0 for A (the reference's L2 variant).
 *
 * <p><b>Initialization</b> ({@code generate_random_params} in {@code model.py}): see
 * {@link PlrnnInit}; A = diag(AW), W = AW - diag(AW), C ~ N(0, 1/M) times the np-RNN gain,
 * h ~ N(0, 1/M); then {@link SubspaceInit} overwrites the regularized units.
 *
 * @param inputSize        K, width of s_t, at least 1
 * @param latentSize       M, at least 1
 * @param regularizedUnits p in [0, M]: units 0..p-1 are regularized and/or specially initialized
 * @param tauA             weight of the A term, non-negative
 * @param tauW             weight of the W and h terms, non-negative
 * @param penalty          what the regularizer pulls the regularized units toward
 * @param subspaceInit     how the regularized units start
 */
@JsonTypeName("plrnn")
public record PlrnnCell(int inputSize, int latentSize, int regularizedUnits, double tauA, double tauW,
                        Penalty penalty, SubspaceInit subspaceInit) implements Cell {

    static final int A = 0;
    static final int W = 1;
    static final int H = 2;
    static final int C = 3;

    /** What the regularizer pulls the regularized units toward. */
    public enum Penalty {
        /** A_ii to 1, W rows and h_i to 0: the line-attractor subspace of the rPLRNN. */
        LINE_ATTRACTOR(1.0),
        /** A_ii, W rows and h_i to 0: plain L2 on the same entries (the paper's L2 comparison). */
        L2(0.0);

        private final double selfCouplingTarget;

        Penalty(double selfCouplingTarget) {
            this.selfCouplingTarget = selfCouplingTarget;
        }

        /** The value A_ii is pulled toward. */
        public double selfCouplingTarget() {
            return selfCouplingTarget;
        }
    }

    /** How the regularized units start (the reference's {@code initialize_regulated: "AWh"}). */
    public enum SubspaceInit {
        /** Like every other unit. */
        RANDOM,
        /** A_ii = 1, W row i = 0, h_i = 0: each starts as a perfect integrator (iPLRNN, rPLRNN). */
        LINE_ATTRACTOR,
        /** A_ii = 0, W row i = 0, h_i = 0: the reference's start for its L2 variants. */
        ZERO
    }

    public PlrnnCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("latentSize", latentSize);
        CellChecks.inRange("regularizedUnits", regularizedUnits, 0, latentSize);
        CellChecks.nonNegative("tauA", tauA);
        CellChecks.nonNegative("tauW", tauW);
        CellChecks.notNull("penalty", penalty);
        CellChecks.notNull("subspaceInit", subspaceInit);
    }

    /** PLRNN: no regularization, the reference's random start. */
    public static PlrnnCell plain(int inputSize, int latentSize) {
        return new PlrnnCell(inputSize, latentSize, 0, 0, 0, Penalty.LINE_ATTRACTOR, SubspaceInit.RANDOM);
    }

    /** iPLRNN: the first {@code units} units start as integrators, no regularization. */
    public static PlrnnCell initialized(int inputSize, int latentSize, int units) {
        return new PlrnnCell(inputSize, latentSize, units, 0, 0, Penalty.LINE_ATTRACTOR, SubspaceInit.LINE_ATTRACTOR);
    }

    /** rPLRNN: the first {@code units} units start as integrators and are regularized toward them. */
    public static PlrnnCell regularized(int inputSize, int latentSize, int units, double tauA, double tauW) {
        return new PlrnnCell(inputSize, latentSize, units, tauA, tauW, Penalty.LINE_ATTRACTOR, SubspaceInit.LINE_ATTRACTOR);
    }

    /** L2-PLRNN: the first {@code units} units start at zero and get plain L2 on A, W rows and h. */
    public static PlrnnCell l2(int inputSize, int latentSize, int units, double tauA, double tauW) {
        return new PlrnnCell(inputSize, latentSize, units, tauA, tauW, Penalty.L2, SubspaceInit.ZERO);
    }

    /** p = floor(M * fraction), as the reference's {@code int(d_hidden * per_reg)}. */
    public static int unitsFor(int latentSize, double fraction) {
        CellChecks.inRange("regularized fraction", fraction, 0, 1);
        return (int) (latentSize * fraction);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("z", latentSize));
    }

    @Override
    public ParameterLayout parameterLayout() {
        return ParameterLayout.builder()
                .vector("A", latentSize)
                .matrixWithTranspose("W", latentSize, latentSize)
                .vector("h", latentSize)
                .matrixWithTranspose("C", latentSize, inputSize)
                .build();
    }

    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        int m = latentSize;
        double std = 1.0 / Math.sqrt(m);
        double[][] aw = PlrnnInit.couplings(m, rng);
        Mat a = w.get(A), wm = w.get(W);
        for (int i = 0; i < m; i++) {
            a.set(0, i, aw[i][i]);
            for (int j = 0; j < m; j++) wm.set(i, j, i == j ? 0 : aw[i][j]);
        }
        Initializers.gaussian(w.get(C), std * PlrnnInit.inputGain(m), rng);
        Initializers.gaussian(w.get(H), std, rng);
        if (subspaceInit != SubspaceInit.RANDOM) startSubspace(w, subspaceInit == SubspaceInit.LINE_ATTRACTOR ? 1 : 0);
        w.refreshTransposes();
    }

    /** For i < p: A_ii = a, W row i = 0, h_i = 0. */
    private void startSubspace(Parameters w, double a) {
        Mat wm = w.get(W);
        for (int i = 0; i < regularizedUnits; i++) {
            w.get(A).set(0, i, a);
            w.get(H).set(0, i, 0);
            for (int j = 0; j < latentSize; j++) wm.set(i, j, 0);
        }
    }

    /** Backward temporaries: dL/drelu(z_{t-1}). */
    static final class Work implements Scratch {
        final Mat dPhi;

        Work(int batch, int m, Precision p) {
            dPhi = p.zeros(batch, m);
        }
    }

    /** Nothing: relu(z_{t-1}), which the W gradient needs, is a function of z_{t-1}, which the tape keeps. */
    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return Nothing.INSTANCE;
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new Work(batch, latentSize, precision);
    }

    /**
     * z_t = A z_{t-1} + W relu(z_{t-1}) + h + C s_t, in rows: relu(z) W^T + s C^T + (z .* a + h).
     * The coupling and input products come first, as one, and set z, so no pass zeroes z and sgemm
     * does not read it.
     */
    @Override
    public void forward(Parameters w, StepTape tape) {
        Mat zPrev = tape.prev().part(0), z = tape.next().part(0);
        z.setMatMulReluPlusMatMul(zPrev, w.transposed(W), tape.x(), w.transposed(C));
        excludeDiagonal(w, zPrev, z);
        z.addDiagonalAffine(zPrev, w.get(A), w.get(H));
    }

    /**
     * Takes W's diagonal share out of z's W relu(z_{t-1}). The diagonal is zero in training (it starts
     * at zero and its gradient is zeroed), so this is done only for parameters given from outside,
     * with a ReLU formed just for that.
     */
    private static void excludeDiagonal(Parameters w, Mat zPrev, Mat z) {
        if (hasDiagonal(w.get(W))) {
            Mat phi = zPrev.copy();
            phi.setRelu(zPrev);
            z.addDiagonalProduct(phi, w.get(W), -1);
        }
    }

    private static boolean hasDiagonal(Mat square) {
        for (int i = 0; i < square.rows(); i++) {
            if (square.get(i, i) != 0) return true;
        }
        return false;
    }

    /** The state path only: the parameter gradient is added over runs of steps ({@link #addParameterGradients}). */
    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Mat dPhi = ((Work) scratch).dPhi;
        Mat dz = dNext.part(0), zPrev = tape.prev().part(0);

        // dL/drelu(z_{t-1}) = dz W (off-diagonal); then, in one pass, through the ReLU and plus the
        // diagonal path: dz_{t-1} = dz .* a + dPhi .* [z_{t-1} > 0]. dPhi is not flushed itself: it is
        // read once, here, and the engine flushes dz_{t-1}.
        dPhi.setMatMul(dz, w.get(W));
        dPhi.addDiagonalProduct(dz, w.get(W), -1);
        dPrev.part(0).setScaledPlusReluMasked(dz, w.get(A), dPhi, zPrev);
        if (dx != null) dx.setMatMul(dz, w.get(C));
    }

    @Override
    public boolean defersParameterGradients() {
        return true;
    }

    /**
     * Over a run of stacked steps: dA = colsum(dz .* z_{t-1}), dW = dz^T relu(z_{t-1}) (diagonal
     * zeroed), dh = colsum(dz), dC = dz^T s_t; dW and dC as one product, dz^T [relu(z_{t-1}) | s_t].
     * relu(z_{t-1}) is formed as sgemm's operand is packed, so no step keeps it (it would cost a
     * matrix per step, as much memory again as the states).
     */
    @Override
    public void addParameterGradients(Parameters w, Parameters grad, StackedSteps steps) {
        Mat dz = steps.dNext().part(0), zPrev = steps.prev().part(0);
        grad.get(A).addColumnSumsOfProduct(dz, zPrev);
        Mat gw = grad.get(W);
        gw.addTransAMatMulReluAlongside(dz, zPrev, grad.get(C), steps.x());
        gw.zeroDiagonal();
        grad.get(H).addColumnSums(dz);
    }

    /** L_reg = self-coupling + coupling + bias terms (class comment); zero when p = 0. */
    @Override
    public double regularization(Parameters w, Parameters grad) {
        if (regularizedUnits == 0) return 0;
        return selfCouplingPenalty(w, grad) + couplingPenalty(w, grad) + biasPenalty(w, grad);
    }

    /** tau_A / p sum_{i<p} (A_ii - a*)^2, a* = 1 (line attractor) or 0 (L2) */
    private double selfCouplingPenalty(Parameters w, Parameters grad) {
        if (tauA == 0) return 0;
        double target = penalty.selfCouplingTarget();
        double k = tauA / regularizedUnits;
        Mat a = w.get(A);
        double sum = 0;
        for (int i = 0; i < regularizedUnits; i++) {
            double e = a.get(0, i) - target;
            sum += e * e;
            if (grad != null) addTo(grad.get(A), 0, i, 2 * k * e);
        }
        return k * sum;
    }

    /** tau_W / (p M) sum_{i<p} sum_{j != i} W_ij^2 */
    private double couplingPenalty(Parameters w, Parameters grad) {
        if (tauW == 0) return 0;
        double k = tauW / ((double) regularizedUnits * latentSize);
        Mat wm = w.get(W);
        double sum = 0;
        for (int i = 0; i < regularizedUnits; i++) {
            for (int j = 0; j < latentSize; j++) {
                if (j == i) continue;
                double v = wm.get(i, j);
                sum += v * v;
                if (grad != null) addTo(grad.get(W), i, j, 2 * k * v);
            }
        }
        return k * sum;
    }

    /** tau_W / p sum_{i<p} h_i^2 */
    private double biasPenalty(Parameters w, Parameters grad) {
        if (tauW == 0) return 0;
        double k = tauW / regularizedUnits;
        Mat h = w.get(H);
        double sum = 0;
        for (int i = 0; i < regularizedUnits; i++) {
            double v = h.get(0, i);
            sum += v * v;
            if (grad != null) addTo(grad.get(H), 0, i, 2 * k * v);
        }
        return k * sum;
    }

    private static void addTo(Mat m, int r, int c, double v) {
        m.set(r, c, m.get(r, c) + v);
    }
}
