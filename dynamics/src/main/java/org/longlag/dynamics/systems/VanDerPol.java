package org.longlag.dynamics.systems;

import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * The Van der Pol oscillator as a first-order system:
 * <pre>
 *   dx/dt = y
 *   dy/dt = mu (1 - x^2) y - x
 * </pre>
 * For mu &gt; 0 it has a stable limit cycle (relaxation oscillations for large mu); mu = 0 is the
 * harmonic oscillator.
 *
 * <p>Source: B. van der Pol, "On relaxation-oscillations", Phil. Mag. 2, 978-992 (1926).
 */
public final class VanDerPol implements OdeSystem {

    /** Registry name. */
    public static final String NAME = "vanderpol";

    /**
     * Parameters of {@link VanDerPol}.
     *
     * @param mu damping strength, finite &gt;= 0
     */
    public record Parameters(double mu) {
        public Parameters {
            Checks.nonNegative("mu", mu);
        }

        /** mu = 1. */
        public static Parameters defaults() {
            return new Parameters(1.0);
        }
    }

    private final Parameters p;

    public VanDerPol() {
        this(Parameters.defaults());
    }

    public VanDerPol(Parameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.p = parameters;
    }

    /** Van der Pol with the given mu. */
    public static VanDerPol withMu(double mu) {
        return new VanDerPol(new Parameters(mu));
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
        return 2;
    }

    @Override
    public void derivative(double[] s, double[] d) {
        double x = s[0];
        double y = s[1];
        d[0] = y;
        d[1] = p.mu() * (1.0 - x * x) * y - x;
    }

    @Override
    public void jacobian(double[] s, double[][] j) {
        double x = s[0];
        double y = s[1];
        j[0][0] = 0.0;
        j[0][1] = 1.0;
        j[1][0] = -2.0 * p.mu() * x * y - 1.0;
        j[1][1] = p.mu() * (1.0 - x * x);
    }

    /** (2, 0): close to the limit cycle, whose amplitude is about 2 for all mu. */
    @Override
    public double[] defaultInitialState() {
        return new double[] {2.0, 0.0};
    }

    @Override
    public String toString() {
        return NAME + p;
    }
}
