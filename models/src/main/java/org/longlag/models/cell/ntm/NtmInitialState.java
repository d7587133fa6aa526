package org.longlag.models.cell.ntm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.model.InitialState;
import org.longlag.models.tensor.Mat;

/**
 * z_0 of an {@link NtmCell}: the memory initialization, and learned initial controller state, read
 * vectors and weightings, the same for every sequence.
 *
 * <ul>
 *   <li>memory M_0, by {@link MemoryInit}: CONSTANT fills every entry with {@code memoryConstant}
 *       (Collier & Beel 2018 found 1e-6 converges fastest and most reliably; no parameters);
 *       LEARNED is tanh(theta_M), theta_M learned, starting Glorot-uniform as Collier & Beel's
 *       learned initialization; RANDOM is tanh(rho), rho ~ N(0, 0.5^2) drawn once when the model is
 *       created (Collier & Beel's scale) and then kept fixed: it is stored with the parameters but
 *       gets no gradient;</li>
 *   <li>weightings w_0 of every head: softmax(theta_w), theta_w learned, starting Glorot-uniform as
 *       Collier & Beel's. The random start matters: with a constant memory and uniform weightings
 *       every location looks alike, and nothing in eqs. (5)-(9) would ever break that symmetry;</li>
 *   <li>read vectors r_0: learned, starting N(0, 0.01^2) (pytorch-ntm's scale);</li>
 *   <li>LSTM controller h_0, c_0: learned, starting N(0, 0.05^2) (pytorch-ntm's); a feed-forward
 *       controller has no state (h_0 = 0 is never read).</li>
 * </ul>
 *
 * @param cell           the NTM whose states this initializes (its shape fixes the parameter layout)
 * @param memory         how M_0 is set
 * @param memoryConstant the value of every memory entry for CONSTANT (finite)
 */
@JsonTypeName("ntm")
public record NtmInitialState(NtmCell cell, MemoryInit memory, double memoryConstant) implements InitialState {

    /** How the memory of z_0 is set. */
    public enum MemoryInit { CONSTANT, LEARNED, RANDOM }

    /** Collier & Beel's constant. */
    public static final double DEFAULT_CONSTANT = 1e-6;

    public NtmInitialState {
        CellChecks.notNull("cell", cell);
        CellChecks.notNull("memory", memory);
        CellChecks.finite("memoryConstant", memoryConstant);
    }

    /** Constant memory 1e-6, Collier & Beel's recommendation. */
    public static NtmInitialState constant(NtmCell cell) {
        return new NtmInitialState(cell, MemoryInit.CONSTANT, DEFAULT_CONSTANT);
    }

    private boolean lstm() {
        return cell.controller() == NtmCell.ControllerType.LSTM;
    }

    /** Block indices, in layout order: [h0, c0,] r0, w0, [M0]. */
    private int readsBlock() {
        return lstm() ? 2 : 0;
    }

    private int weightsBlock() {
        return readsBlock() + 1;
    }

    private int memoryBlock() {
        return weightsBlock() + 1;
    }

    @Override
    public ParameterLayout parameterLayout(int[] stateSizes) {
        if (!Arrays.equals(stateSizes, cell.stateSizes())) {
            throw new IllegalArgumentException("this NTM initial state was made for a cell with state sizes " + Arrays.toString(cell.stateSizes())
                    + ", the model's cell has " + Arrays.toString(stateSizes));
        }
        ParameterLayout.Builder b = ParameterLayout.builder();
        if (lstm()) b.vector("h0", cell.controllerSize()).vector("c0", cell.controllerSize());
        b.vector("r0", cell.readHeads() * cell.memoryWidth()).vector("w0", cell.heads() * cell.memoryRows());
        if (memory != MemoryInit.CONSTANT) b.vector("M0", cell.memoryRows() * cell.memoryWidth());
        return b.build();
    }

    @Override
    public void initialize(Parameters w, int[] stateSizes, SplittableRandom rng) {
        parameterLayout(stateSizes);
        if (lstm()) {
            Initializers.gaussian(w.get(0), 0.05, rng);
            Initializers.gaussian(w.get(1), 0.05, rng);
        }
        Initializers.gaussian(w.get(readsBlock()), 0.01, rng);
        double glorotW = Math.sqrt(6.0 / (1 + cell.memoryRows()));
        Initializers.uniform(w.get(weightsBlock()), -glorotW, glorotW, rng);
        if (memory == MemoryInit.LEARNED) {
            double glorotM = Math.sqrt(6.0 / (1 + cell.memoryRows() * cell.memoryWidth()));
            Initializers.uniform(w.get(memoryBlock()), -glorotM, glorotM, rng);
        } else if (memory == MemoryInit.RANDOM) {
            Mat m = w.get(memoryBlock());
            Initializers.gaussian(m, 0.5, rng);
            m.setTanh(m);
        }
    }

    @Override
    public void fill(Parameters w, State s0) {
        Mat out = s0.part(0);
        int c = cell.controllerSize();
        out.zero();
        if (lstm()) {
            out.columns(0, c).addRowBroadcast(w.get(0));
            broadcast(w.get(1), s0.part(1));
        }
        out.columns(c, out.cols() - c).addRowBroadcast(w.get(readsBlock()));
        broadcast(initialWeightings(w), s0.part(cell.weightingsPart()));
        Mat mem = s0.part(cell.memoryPart());
        switch (memory) {
            case CONSTANT: mem.fill(memoryConstant); break;
            case LEARNED: broadcast(tanh(w.get(memoryBlock())), mem); break;
            case RANDOM: broadcast(w.get(memoryBlock()), mem); break;
            default: throw new AssertionError(memory);
        }
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
        Mat dOut = dS0.part(0);
        int c = cell.controllerSize();
        if (lstm()) {
            grad.get(0).addColumnSums(dOut.columns(0, c));
            grad.get(1).addColumnSums(dS0.part(1));
        }
        grad.get(readsBlock()).addColumnSums(dOut.columns(c, dOut.cols() - c));

        Mat w0 = initialWeightings(w), dW = columnSums(dS0.part(cell.weightingsPart()));
        int n = cell.memoryRows();
        for (int h = 0; h < cell.heads(); h++) {
            Mat dh = dW.columns(h * n, n);
            dh.setRowSoftmaxBackward(w0.columns(h * n, n), dh);
        }
        grad.get(weightsBlock()).addScaled(dW, 1.0);

        if (memory == MemoryInit.LEARNED) {
            Mat dM = columnSums(dS0.part(cell.memoryPart()));
            dM.multiplyTanhDerivative(tanh(w.get(memoryBlock())));
            grad.get(memoryBlock()).addScaled(dM, 1.0);
        }
    }

    /** w_0 = softmax(theta_w) per head, [1 x H N]. */
    private Mat initialWeightings(Parameters w) {
        Mat logits = w.get(weightsBlock());
        Mat w0 = logits.copy();
        int n = cell.memoryRows();
        for (int h = 0; h < cell.heads(); h++) w0.columns(h * n, n).setRowSoftmax(logits.columns(h * n, n));
        return w0;
    }

    private static Mat tanh(Mat theta) {
        Mat m = theta.copy();
        m.setTanh(theta);
        return m;
    }

    private static Mat columnSums(Mat m) {
        Mat s = m.zerosLike(1, m.cols());
        s.addColumnSums(m);
        return s;
    }

    private static void broadcast(Mat row, Mat to) {
        to.zero();
        to.addRowBroadcast(row);
    }
}
