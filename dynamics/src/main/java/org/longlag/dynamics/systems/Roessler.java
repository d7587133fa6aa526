package org.longlag.dynamics.systems;

import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * The Roessler (1976) system:
 * <pre>
 *   dx/dt = -y - z
 *   dy/dt = x + a y
 *   dz/dt = b + z (x - c)
 * </pre>
 * Defaults a = 0.2, b = 0.2, c = 5.7 give the standard chaotic band attractor (maximal Lyapunov
 * exponent about 0.07).
 *
 * <p>Source: O. E. Roessler, "An equation for continuous chaos", Phys. Lett. A 57, 397-398 (1976).
 */
public final class Roessler implements OdeSystem {

    /** Registry name. */
    public static final String NAME = "roessler";

    /**
     * Parameters of {@link Roessler}; each any finite number (the system is defined for all reals,
     * chaos appears for e.g. the defaults).
     */
    public record Parameters(double a, double b, double c) {
        public Parameters {
            Checks.finite("a", a);
            Checks.finite("b", b);
            Checks.finite("c", c);
        }

        /** a = 0.2, b = 0.2, c = 5.7. */
        public static Parameters defaults() {
            return new Parameters(0.2, 0.2, 5.7);
        }
    }

    private final Parameters p;

    public Roessler() {
        this(Parameters.defaults());
    }

    public Roessler(Parameters parameters) {
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
        d[0] = -y - z;
        d[1] = x + p.a() * y;
        d[2] = p.b() + z * (x - p.c());
    }

    @Override
    public void jacobian(double[] s, double[][] j) {
        double x = s[0];
        double z = s[2];
        j[0][0] = 0.0;
        j[0][1] = -1.0;
        j[0][2] = -1.0;
        j[1][0] = 1.0;
        j[1][1] = p.a();
        j[1][2] = 0.0;
        j[2][0] = z;
        j[2][1] = 0.0;
        j[2][2] = x - p.c();
    }

    /** (1, 1, 0): inside the basin of the band attractor. */
    @Override
    public double[] defaultInitialState() {
        return new double[] {1.0, 1.0, 0.0};
    }

    @Override
    public String toString() {
        return NAME + p;
    }
}
