package org.longlag.models.cell;

import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * The Jacobian dz_t/dz_{t-1} of one cell step at one point, computed through the cell's own
 * backward (row k is the backward of the unit vector e_k), so it is exact and needs no code per
 * cell. Cost: one forward and {@code stateSize} backwards of a batch of one; fine for diagnostics
 * and Lyapunov spectra, not for hot loops.
 */
public final class StateJacobian {

    private final Cell cell;
    private final Parameters weights;
    private final Parameters scratchGrad;
    private final StepTape tape;
    private final Cell.Scratch scratch;
    private final State dNext;
    private final State dPrev;
    private final Mat dx;

    /** @param weights the cell's parameters (a view starting at the cell's first block), float64 preferred */
    public StateJacobian(Cell cell, Parameters weights) {
        this.cell = cell;
        this.weights = weights;
        Precision p = weights.precision();
        this.scratchGrad = Parameters.zeros(cell.parameterLayout(), p, false);
        State prev = State.zeros(cell.stateParts(), 1, p);
        State next = State.zeros(cell.stateParts(), 1, p);
        this.tape = new StepTape(p.zeros(1, cell.inputSize()), prev, next, cell.newRecord(1, p));
        this.scratch = cell.newScratch(1, p);
        this.dNext = State.zeros(cell.stateParts(), 1, p);
        this.dPrev = State.zeros(cell.stateParts(), 1, p);
        this.dx = p.zeros(1, cell.inputSize());
    }

    /** z_t = F(z_{t-1}, x_t); {@code x} may be null for a zero input. */
    public double[] step(double[] zPrev, double[] x) {
        forward(zPrev, x);
        return tape.next().row(0);
    }

    /** J[i][j] = d z_t[i] / d z_{t-1}[j] at (zPrev, x); {@code x} may be null for a zero input. */
    public double[][] jacobian(double[] zPrev, double[] x) {
        forward(zPrev, x);
        int n = cell.stateSize();
        double[][] jac = new double[n][];
        for (int i = 0; i < n; i++) {
            dNext.zero();
            dNext.set(0, i, 1.0);
            scratchGrad.zero();
            cell.backward(weights, scratchGrad, tape, scratch, dNext, dPrev, null);
            jac[i] = dPrev.row(0);
        }
        return jac;
    }

    /** d z_t / d x_t at (zPrev, x), [stateSize x inputSize]. */
    public double[][] inputJacobian(double[] zPrev, double[] x) {
        forward(zPrev, x);
        int n = cell.stateSize();
        double[][] jac = new double[n][cell.inputSize()];
        for (int i = 0; i < n; i++) {
            dNext.zero();
            dNext.set(0, i, 1.0);
            scratchGrad.zero();
            cell.backward(weights, scratchGrad, tape, scratch, dNext, dPrev, dx);
            for (int j = 0; j < cell.inputSize(); j++) jac[i][j] = dx.get(0, j);
        }
        return jac;
    }

    private void forward(double[] zPrev, double[] x) {
        if (zPrev.length != cell.stateSize()) {
            throw new IllegalArgumentException("state has length " + zPrev.length + ", the cell's state size is " + cell.stateSize());
        }
        tape.prev().setRow(0, zPrev);
        Mat in = tape.x();
        in.zero();
        if (x != null) {
            if (x.length != cell.inputSize()) {
                throw new IllegalArgumentException("input has length " + x.length + ", the cell's input size is " + cell.inputSize());
            }
            for (int j = 0; j < x.length; j++) in.set(0, j, x[j]);
        }
        cell.forward(weights, tape);
    }
}
