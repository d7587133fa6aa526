package org.longlag.models.diagnostics;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StateJacobian;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The states z_0..z_T of one sequence and the step Jacobians J_t = dz_{t+1}/dz_t along it
 * (t = 0..T-1), in float64, from the cell's own backward ({@link StateJacobian}). Products of these
 * are the Jacobians dz_T/dz_t through which gradients travel ({@link JacobianProducts}).
 *
 * <p>Memory: T n^2 doubles for state size n (T = 500, n = 128: 64 MB); more than
 * {@value #MAX_ELEMENTS} (1 GB) is refused with a clear error (an NTM's state, memory included, has
 * thousands of dimensions: use gradient norms alone for it).
 *
 * @param states    [T + 1][n]
 * @param jacobians [T][n][n], jacobians[t][i][j] = d z_{t+1}[i] / d z_t[j]
 */
public record TrajectoryJacobians(double[][] states, double[][][] jacobians) {

    /** Largest T n^2 accepted. */
    public static final long MAX_ELEMENTS = 125_000_000L;

    public TrajectoryJacobians {
        if (states.length != jacobians.length + 1) {
            throw new IllegalArgumentException("need one more state than Jacobians, got " + states.length + " and " + jacobians.length);
        }
    }

    /** Steps T. */
    public int steps() {
        return jacobians.length;
    }

    /** State size n. */
    public int dimension() {
        return states[0].length;
    }

    /**
     * Along sample {@code sample} of {@code data}, from the model's initial state, over the steps
     * up to the sample's last loss step (all steps without a labels mask).
     */
    public static TrajectoryJacobians of(SequenceModel model, DataSet data, int sample) {
        SequenceBatch batch = SequenceBatch.of(data.getFeatures(), data.getLabels(), data.getLabelsMaskArray());
        if (sample < 0 || sample >= batch.size()) {
            throw new IllegalArgumentException("sample must be in [0, " + batch.size() + "), got " + sample);
        }
        SequenceModel m = PrecisionCopy.of(model, Precision.FLOAT64);
        int steps = batch.labels() == null ? batch.length() : batch.effectiveLength(sample, sample + 1);
        double[][] inputs = new double[steps][batch.inputSize()];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < batch.inputSize(); i++) inputs[t][i] = batch.feature(sample, i, t);
        }
        return of(m.spec().cell(), m.weights().view(0), initialState(m), inputs);
    }

    /** z_0 of the model for one sequence. */
    static double[] initialState(SequenceModel m) {
        State s0 = State.zeros(m.spec().cell().stateParts(), 1, m.spec().precision());
        m.spec().initialState().fill(m.weights().view(m.spec().initialStateBlock()), s0);
        return s0.row(0);
    }

    /**
     * From {@code z0} with inputs {@code inputs[t]} (null rows for zero input).
     *
     * @param cellWeights the cell's parameters, float64 preferred
     */
    public static TrajectoryJacobians of(Cell cell, Parameters cellWeights, double[] z0, double[][] inputs) {
        int steps = inputs.length;
        long n = cell.stateSize();
        if (steps * n * n > MAX_ELEMENTS) {
            throw new IllegalArgumentException("step Jacobians of " + steps + " steps of a " + n + "-dimensional state need " + steps * n * n * 8 / 1_000_000
                    + " MB (limit " + MAX_ELEMENTS * 8 / 1_000_000 + " MB) and " + n + " backward passes per step; measure gradient norms alone"
                    + " (StabilityProbe normStride 0, longlag stability --norm-stride 0) or use shorter sequences");
        }
        StateJacobian sj = new StateJacobian(cell, cellWeights);
        double[][] states = new double[steps + 1][];
        double[][][] jac = new double[steps][][];
        states[0] = z0.clone();
        for (int t = 0; t < steps; t++) {
            jac[t] = sj.jacobian(states[t], inputs[t]);
            states[t + 1] = sj.step(states[t], inputs[t]);
            for (double v : states[t + 1]) {
                if (!Double.isFinite(v)) throw new IllegalStateException("the state became non-finite at step " + (t + 1));
            }
        }
        return new TrajectoryJacobians(states, jac);
    }
}
