package org.longlag.models.autonomous;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StateJacobian;
import org.longlag.models.model.SequenceModel;

/**
 * A trained model run autonomously (zero input) as a {@link DiscreteMap} z_t = F(z_{t-1}, 0) on
 * the cell's whole state (dimension = cell state size, parts concatenated), so {@code dynamics}
 * analysis applies to it, e.g. {@code LyapunovSpectrum.of(map, z0, options)}. Steps and exact
 * Jacobians go through the cell's own forward and backward ({@link StateJacobian}) in float64.
 * Not thread-safe (one instance per thread).
 */
public final class AutonomousMap implements DiscreteMap {

    private final SequenceModel model;
    private final StateJacobian jacobian;
    private final int dimension;

    private AutonomousMap(SequenceModel model64) {
        this.model = model64;
        this.jacobian = new StateJacobian(model64.spec().cell(), model64.weights().view(0));
        this.dimension = model64.spec().cell().stateSize();
    }

    /** The map of {@code model}'s current parameters (copied into a float64 model). */
    public static AutonomousMap of(SequenceModel model) {
        return new AutonomousMap(Float64.copy(model));
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void step(double[] z, double[] next) {
        double[] r = jacobian.step(z, null);
        System.arraycopy(r, 0, next, 0, dimension);
    }

    @Override
    public void jacobian(double[] z, double[][] jac) {
        double[][] j = jacobian.jacobian(z, null);
        for (int i = 0; i < dimension; i++) System.arraycopy(j[i], 0, jac[i], 0, dimension);
    }

    /** The model's initial state z_0 (its learned or zero start), concatenated. */
    public double[] initialState() {
        State s0 = State.zeros(model.spec().cell().stateSizes(), 1, model.spec().precision());
        model.spec().initialState().fill(model.weights().view(model.spec().initialStateBlock()), s0);
        return s0.row(0);
    }
}
