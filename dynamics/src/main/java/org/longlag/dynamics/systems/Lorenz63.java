package org.longlag.dynamics.systems;

import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * The Lorenz (1963) convection model:
 * <pre>
 *   dx/dt = sigma (y - x)
 *   dy/dt = x (rho - z) - y
 *   dz/dt = x y - beta z
 * </pre>
 * Defaults sigma = 10, rho = 28, beta = 8/3 give the classic chaotic attractor, whose Lyapunov
 * spectrum is about (0.9056, 0, -14.5723) (Viswanath 1998) and sums to -(sigma + 1 + beta).
 *
 * <p>Source: E. N. Lorenz, "Deterministic nonperiodic flow", J. Atmos. Sci. 20, 130-141 (1963).
 */
public final class Lorenz63 implements OdeSystem {

    /** Registry name. */
    public static final String NAME = "lorenz63";

    /**
     * Parameters of {@link Lorenz63}.
     *
     * @param sigma Prandtl number, finite &gt; 0
     * @param rho   Rayleigh number ratio, finite &gt; 0
     * @param beta  geometric factor, finite &gt; 0
     */
    public record Parameters(double sigma, double rho, double beta) {
        public Parameters {
            Checks.positive("sigma", sigma);
            Checks.positive("rho", rho);
            Checks.positive("beta", beta);
        }

        /** sigma = 10, rho = 28, beta = 8/3. */
        public static Parameters defaults() {
            return new Parameters(10.0, 28.0, 8.0 / 3.0);
        }
    }

    private final Parameters p;

    /** Lorenz-63 with the classic chaotic parameters. */
    public Lorenz63() {
        this(Parameters.defaults());
    }

    public Lorenz63(Parameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.p = parameters;
    }

    public Parameters parameters() {
        return p;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void derivative(double[] s, double[] d) {
        double x = s[0];
        double y = s[1];
        double z = s[2];
        d[0] = p.sigma() * (y - x);
        d[1] = x * (p.rho() - z) - y;
        d[2] = x * y - p.beta() * z;
    }

    @Override
    public void jacobian(double[] s, double[][] j) {
        double x = s[0];
        double y = s[1];
        double z = s[2];
        j[0][0] = -p.sigma();
        j[0][1] = p.sigma();
        j[0][2] = 0.0;
        j[1][0] = p.rho() - z;
        j[1][1] = -1.0;
        j[1][2] = -x;
        j[2][0] = y;
        j[2][1] = x;
        j[2][2] = -p.beta();
    }

    /** (1, 1, 1): off the unstable fixed point at the origin, attracted within a few time units. */
    @Override
    public double[] defaultInitialState() {
        return new double[] {1.0, 1.0, 1.0};
    }

    @Override
    public String toString() {
        return NAME + p;
    }
}
