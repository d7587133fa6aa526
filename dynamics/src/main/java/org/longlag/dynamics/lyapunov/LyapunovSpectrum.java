package org.longlag.dynamics.lyapunov;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.VariationalRk4;

/**
 * Lyapunov exponents by QR re-orthonormalization (Benettin et al. 1980; Shimada &amp; Nagashima
 * 1979): evolve k tangent vectors with the linearized dynamics alongside the trajectory, re-orthonormalize
 * them periodically by QR, and average log|R_ii| over time. lambda_i = (1/T) sum log|R_ii|.
 *
 * <ul>
 *   <li>ODEs: state and variational equations dY/dt = J(x) Y integrated together by fixed-step RK4;
 *       exponents per time unit.</li>
 *   <li>Discrete maps (e.g. a trained RNN, via {@link DiscreteMap}): Y &lt;- J(z_t) Y each iteration;
 *       exponents per iteration, or per time unit with {@link MapLyapunovOptions#timeStep()}.</li>
 * </ul>
 * The tangent basis starts as a fixed generic orthonormal basis (QR of a seeded random matrix), not the
 * identity, so coordinate axes that happen to be invariant (e.g. of a diagonal map) cannot keep a
 * vector away from the most expanding direction. During the transient the basis is evolved and
 * renormalized too, so averaging starts with the state on the attractor and the basis aligned with
 * the Lyapunov directions.
 *
 * <pre>{@code
 * LyapunovResult r = LyapunovSpectrum.of(new Lorenz63(), OdeLyapunovOptions.defaults());
 * double lambdaMax = r.maximal();   // about 0.906
 * }</pre>
 */
public final class LyapunovSpectrum {

    private LyapunovSpectrum() {
    }

    /** Full spectrum of an ODE with {@link OdeLyapunovOptions#defaults()}. */
    public static LyapunovResult of(OdeSystem system) {
        return of(system, OdeLyapunovOptions.defaults());
    }

    /**
     * Lyapunov spectrum of an ODE.
     *
     * @throws IllegalArgumentException for bad options (e.g. more exponents than dimensions, an initial
     *                                  state of the wrong length)
     * @throws IllegalStateException    if the trajectory or tangent vectors become non-finite
     */
    public static LyapunovResult of(OdeSystem system, OdeLyapunovOptions options) {
        if (system == null || options == null) {
            throw new IllegalArgumentException("system and options must not be null");
        }
        int d = system.dimension();
        int k = exponentCount(options.exponents(), d);
        double[] x = options.initialState() != null ? options.initialState() : system.defaultInitialState();
        Checks.finiteVector("initialState", x, d);
        double[][] y = startBasis(d, k);

        double h = options.step();
        int stepsPerBlock = Math.max(1, (int) Math.round(options.renormalizationInterval() / h));
        double blockTime = stepsPerBlock * h;
        long transientBlocks = Math.round(options.transientTime() / blockTime);
        long blocks = Math.max(1, Math.round(options.totalTime() / blockTime));

        VariationalRk4 rk4 = new VariationalRk4(system, k);
        double[] logSum = new double[k];
        for (long b = 0; b < transientBlocks + blocks; b++) {
            for (int s = 0; s < stepsPerBlock; s++) {
                rk4.step(x, y, h);
            }
            requireFinite(x, y, system.name(), (b + 1) * blockTime);
            QrRenormalization.apply(y, b < transientBlocks ? null : logSum);
        }
        double time = blocks * blockTime;
        for (int i = 0; i < k; i++) {
            logSum[i] /= time;
        }
        return new LyapunovResult(logSum, time);
    }

    /** The maximal exponent of an ODE (one tangent vector: cheaper than the full spectrum). */
    public static double maximal(OdeSystem system, OdeLyapunovOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return of(system, options.withExponents(1)).exponents()[0];
    }

    /**
     * Lyapunov spectrum of a discrete map started at {@code z0}.
     *
     * @throws IllegalArgumentException for bad options or a start state of the wrong length
     * @throws IllegalStateException    if the orbit or tangent vectors become non-finite
     */
    public static LyapunovResult of(DiscreteMap map, double[] z0, MapLyapunovOptions options) {
        if (map == null || options == null) {
            throw new IllegalArgumentException("map and options must not be null");
        }
        int d = map.dimension();
        int k = exponentCount(options.exponents(), d);
        Checks.finiteVector("initial state", z0, d);
        double[] z = z0.clone();
        double[] next = new double[d];
        double[][] jac = new double[d][d];
        double[][] y = startBasis(d, k);
        double[][] tmp = new double[d][k];
        double[] logSum = new double[k];

        int interval = options.renormalizationInterval();
        long total = (long) options.transientSteps() + options.steps();
        int sinceRenorm = 0;
        long averagedSteps = 0;
        for (long t = 0; t < total; t++) {
            map.jacobian(z, jac);
            VariationalRk4.multiply(jac, y, tmp);
            double[][] swapY = y;
            y = tmp;
            tmp = swapY;
            map.step(z, next);
            double[] swapZ = z;
            z = next;
            next = swapZ;
            sinceRenorm++;
            boolean inTransient = t < options.transientSteps();
            boolean lastTransient = t == options.transientSteps() - 1L;
            if (sinceRenorm == interval || lastTransient || t == total - 1) {
                requireFinite(z, y, "map", t + 1);
                QrRenormalization.apply(y, inTransient ? null : logSum);
                sinceRenorm = 0;
            }
            if (!inTransient) {
                averagedSteps++;
            }
        }
        double time = averagedSteps * options.timeStep();
        for (int i = 0; i < k; i++) {
            logSum[i] /= time;
        }
        return new LyapunovResult(logSum, time);
    }

    /** The maximal exponent of a discrete map (one tangent vector). */
    public static double maximal(DiscreteMap map, double[] z0, MapLyapunovOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return of(map, z0, options.withExponents(1)).exponents()[0];
    }

    private static int exponentCount(int requested, int dimension) {
        if (requested == 0) {
            return dimension;
        }
        if (requested < 0 || requested > dimension) {
            throw new IllegalArgumentException("exponents must be in 1.." + dimension + " (or 0 for all), was "
                    + requested);
        }
        return requested;
    }

    // fixed, so results are reproducible; any generic basis works
    private static final long START_BASIS_SEED = 0x1A9D0F5EEDL;

    private static double[][] startBasis(int d, int k) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(START_BASIS_SEED);
        double[][] y = new double[d][k];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                y[i][j] = random.nextGaussian();
            }
        }
        QrRenormalization.apply(y, null);
        return y;
    }

    private static void requireFinite(double[] x, double[][] y, String what, double when) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("state of " + what + " became non-finite at " + when
                        + " (diverging orbit, or too large a step)");
            }
        }
        for (double[] row : y) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("tangent vectors of " + what + " became non-finite at " + when
                            + " (renormalize more often)");
                }
            }
        }
    }
}
