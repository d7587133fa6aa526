package org.longlag.dynamics;

/**
 * An autonomous continuous-time dynamical system dx/dt = f(x) with its analytic Jacobian.
 *
 * <p>Implementations are immutable and thread-safe: all state lives in the arrays passed in.
 * Integration ({@code org.longlag.dynamics.trajectory}) and Lyapunov analysis
 * ({@code org.longlag.dynamics.lyapunov}) see a system only through this interface.
 */
public interface OdeSystem {

    /** Short registry name, e.g. {@code "lorenz63"}; see {@code OdeSystems}. */
    String name();

    /** Dimension of the state x. */
    int dimension();

    /**
     * Evaluates the vector field.
     *
     * @param x    state, length {@link #dimension()}; not modified
     * @param dxdt receives f(x), length {@link #dimension()}; may not alias {@code x}
     */
    void derivative(double[] x, double[] dxdt);

    /**
     * Evaluates the Jacobian of the vector field.
     *
     * @param x   state, not modified
     * @param jac receives J[i][j] = df_i/dx_j, a {@code dimension() x dimension()} array; every
     *            entry is written
     */
    void jacobian(double[] x, double[][] jac);

    /**
     * A sensible starting state (near or in the basin of the system's usual attractor); a fresh
     * copy on every call.
     */
    double[] defaultInitialState();
}
