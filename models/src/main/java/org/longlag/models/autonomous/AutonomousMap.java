package org.longlag.models.autonomous;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.StateJacobian;
import org.longlag.models.model.SequenceModel;

/**
 * A model's cell run with a constant input (zero by default) as a {@link DiscreteMap}
 * z_t = F(z_{t-1}, x): the autonomous dynamics a trained model generates freely, for Lyapunov
 * spectra and orbits in {@code dynamics}. The state is the whole cell state (LSTM: h then c).
 * Computed in float64; the Jacobian is exact (through the cell's backward, {@link StateJacobian}),
 * at a cost of one backward per state dimension.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class AutonomousMap implements DiscreteMap {

    private final Cell cell;
    private final StateJacobian jacobian;
    private final double[] input;

    /**
     * @param cellWeights the cell's parameters (a view at the cell's first block), float64 preferred
     * @param input       the constant input x, or null for zero
     */
    public AutonomousMap(Cell cell, Parameters cellWeights, double[] input) {
        if (input != null && input.length != cell.inputSize()) {
            throw new IllegalArgumentException("input has length " + input.length + ", the cell's input size is " + cell.inputSize());
        }
        this.cell = cell;
        this.jacobian = new StateJacobian(cell, cellWeights);
        this.input = input == null ? null : input.clone();
    }

    /** The model's cell with zero input, in float64 (parameters copied if the model is float32). */
    public static AutonomousMap of(SequenceModel model) {
        SequenceModel m = model.spec().precision() == Precision.FLOAT64 ? model
                : SequenceModel.of(model.spec().withPrecision(Precision.FLOAT64), model.parameters());
        return new AutonomousMap(m.spec().cell(), m.weights().view(0), null);
    }

    @Override
    public int dimension() {
        return cell.stateSize();
    }

    @Override
    public void step(double[] z, double[] next) {
        double[] out = jacobian.step(z, input);
        System.arraycopy(out, 0, next, 0, out.length);
    }

    @Override
    public void jacobian(double[] z, double[][] jac) {
        double[][] j = jacobian.jacobian(z, input);
        for (int i = 0; i < j.length; i++) System.arraycopy(j[i], 0, jac[i], 0, j[i].length);
    }
}
