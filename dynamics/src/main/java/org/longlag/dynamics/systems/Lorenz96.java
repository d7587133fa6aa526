package org.longlag.dynamics.systems;

import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * The Lorenz (1996) ring model with N sites and constant forcing F:
 * <pre>
 *   dx_i/dt = (x_{i+1} - x_{i-2}) x_{i-1} - x_i + F,   indices modulo N
 * </pre>
 * With F = 8 the dynamics is chaotic for N &gt;= 5 or so (N = 4 is the smallest ring on which the
 * four indices i-2, i-1, i, i+1 are distinct, hence the lower bound).
 *
 * <p>Source: E. N. Lorenz, "Predictability: a problem partly solved", ECMWF Seminar on
 * Predictability (1996).
 */
public final class Lorenz96 implements OdeSystem {

    /** Registry name. */
    public static final String NAME = "lorenz96";

    /**
     * Parameters of {@link Lorenz96}.
     *
     * @param n       number of sites, &gt;= 4
     * @param forcing constant forcing F, any finite number
     */
    public record Parameters(int n, double forcing) {
        public Parameters {
            Checks.atLeast("n", n, 4);
            Checks.finite("forcing", forcing);
        }

        /** N = 10 sites, F = 8. */
        public static Parameters defaults() {
            return new Parameters(10, 8.0);
        }
    }

    private final Parameters p;

    public Lorenz96() {
        this(Parameters.defaults());
    }

    public Lorenz96(Parameters parameters) {
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
        return p.n();
    }

    @Override
    public void derivative(double[] x, double[] d) {
        int n = p.n();
        for (int i = 0; i < n; i++) {
            double xp1 = x[(i + 1) % n];
            double xm1 = x[(i - 1 + n) % n];
            double xm2 = x[(i - 2 + n) % n];
            d[i] = (xp1 - xm2) * xm1 - x[i] + p.forcing();
        }
    }

    @Override
    public void jacobian(double[] x, double[][] j) {
        int n = p.n();
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(j[i], 0.0);
            int ip1 = (i + 1) % n;
            int im1 = (i - 1 + n) % n;
            int im2 = (i - 2 + n) % n;
            j[i][ip1] += x[im1];
            j[i][im2] -= x[im1];
            j[i][im1] += x[ip1] - x[im2];
            j[i][i] -= 1.0;
        }
    }

    /** x_i = F with x_0 nudged by 0.01: the fixed point x = F plus a small kick off it. */
    @Override
    public double[] defaultInitialState() {
        double[] x = new double[p.n()];
        java.util.Arrays.fill(x, p.forcing());
        x[0] += 0.01;
        return x;
    }

    @Override
    public String toString() {
        return NAME + p;
    }
}
