package org.longlag.dynamics.maps;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.VariationalRk4;

/**
 * The time-dt flow of an {@link OdeSystem} as a {@link DiscreteMap}: one step is {@code substeps}
 * classical RK4 steps of size dt / substeps, and the Jacobian is the exact derivative of that step
 * (from the variational equations integrated with the same stages). This is the discrete system an
 * RNN trained on data sampled every dt tries to learn, so it serves as a reference map: its Lyapunov
 * exponents per iteration, divided by dt, approach the ODE's.
 *
 * <p>Not thread-safe: holds integration buffers. Use one instance per thread.
 */
public final class FlowMap implements DiscreteMap {

    private final OdeSystem system;
    private final double dt;
    private final int substeps;
    private final VariationalRk4 stateIntegrator;
    private final VariationalRk4 tangentIntegrator;

    /**
     * @param system   the ODE
     * @param dt       time per map iteration, finite &gt; 0
     * @param substeps RK4 steps per iteration, &gt;= 1
     */
    public FlowMap(OdeSystem system, double dt, int substeps) {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        this.system = system;
        this.dt = Checks.positive("dt", dt);
        this.substeps = Checks.atLeast("substeps", substeps, 1);
        this.stateIntegrator = new VariationalRk4(system, 1);
        this.tangentIntegrator = new VariationalRk4(system, system.dimension());
    }

    /** Time per iteration. */
    public double dt() {
        return dt;
    }

    @Override
    public int dimension() {
        return system.dimension();
    }

    @Override
    public void step(double[] z, double[] next) {
        System.arraycopy(z, 0, next, 0, z.length);
        double h = dt / substeps;
        for (int s = 0; s < substeps; s++) {
            stateIntegrator.stepState(next, h);
        }
    }

    @Override
    public void jacobian(double[] z, double[][] jac) {
        int d = system.dimension();
        double[] x = z.clone();
        for (int i = 0; i < d; i++) {
            java.util.Arrays.fill(jac[i], 0.0);
            jac[i][i] = 1.0;
        }
        double h = dt / substeps;
        for (int s = 0; s < substeps; s++) {
            tangentIntegrator.step(x, jac, h);
        }
    }
}
