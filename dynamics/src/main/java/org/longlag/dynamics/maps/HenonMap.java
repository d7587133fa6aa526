package org.longlag.dynamics.maps;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.internal.Checks;

/**
 * The Henon (1976) map, a two-dimensional {@link DiscreteMap} with a chaotic attractor:
 * <pre>
 *   x' = 1 - a x^2 + y
 *   y' = b x
 * </pre>
 * For a = 1.4, b = 0.3 the Lyapunov exponents are about 0.41922 and -1.62319 per iteration (their sum
 * is log b exactly, since the Jacobian determinant is -b).
 *
 * <p>Source: M. Henon, "A two-dimensional mapping with a strange attractor", Commun. Math. Phys. 50,
 * 69-77 (1976). Exponents: J. C. Sprott, Chaos and Time-Series Analysis (Oxford 2003), Appendix A.
 */
public final class HenonMap implements DiscreteMap {

    /**
     * Parameters of {@link HenonMap}; both any finite number.
     */
    public record Parameters(double a, double b) {
        public Parameters {
            Checks.finite("a", a);
            Checks.finite("b", b);
        }

        /** a = 1.4, b = 0.3. */
        public static Parameters defaults() {
            return new Parameters(1.4, 0.3);
        }
    }

    private final Parameters p;

    public HenonMap() {
        this(Parameters.defaults());
    }

    public HenonMap(Parameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.p = parameters;
    }

    public Parameters parameters() {
        return p;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void step(double[] z, double[] next) {
        next[0] = 1.0 - p.a() * z[0] * z[0] + z[1];
        next[1] = p.b() * z[0];
    }

    @Override
    public void jacobian(double[] z, double[][] jac) {
        jac[0][0] = -2.0 * p.a() * z[0];
        jac[0][1] = 1.0;
        jac[1][0] = p.b();
        jac[1][1] = 0.0;
    }

    /** (0, 0), which lies in the basin of the attractor for the default parameters. */
    public double[] defaultInitialState() {
        return new double[] {0.0, 0.0};
    }
}
