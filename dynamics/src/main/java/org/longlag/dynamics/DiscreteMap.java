package org.longlag.dynamics;

/**
 * A discrete-time dynamical system z_{t+1} = F(z_t) with its Jacobian.
 *
 * <p>This is how analysis in {@code dynamics} (Lyapunov spectra, free-running generation, DSR
 * metrics) sees any map, including a trained recurrent network: {@code models} implements it, so
 * this module stays free of neural-network types.
 */
public interface DiscreteMap {

    /** Dimension of the state z. */
    int dimension();

    /**
     * One step of the map.
     *
     * @param z    current state, length {@link #dimension()}; not modified
     * @param next receives F(z), length {@link #dimension()}; may not alias {@code z}
     */
    void step(double[] z, double[] next);

    /**
     * The Jacobian dF/dz at z.
     *
     * @param z   state at which to evaluate, not modified
     * @param jac receives J[i][j] = dF_i/dz_j, a {@code dimension() x dimension()} array
     */
    void jacobian(double[] z, double[][] jac);
}
