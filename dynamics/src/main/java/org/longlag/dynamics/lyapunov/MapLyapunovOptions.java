package org.longlag.dynamics.lyapunov;

import org.longlag.dynamics.internal.Checks;

/**
 * Settings of the Lyapunov spectrum of a discrete map (see
 * {@link LyapunovSpectrum#of(org.longlag.dynamics.DiscreteMap, double[], MapLyapunovOptions)}).
 *
 * @param transientSteps          iterations run (and renormalized) before averaging starts, &gt;= 0
 * @param steps                   iterations averaged over, &gt;= 1
 * @param renormalizationInterval iterations between QR re-orthonormalizations, 1..steps (1 is safest;
 *                                larger saves QRs when exponents are moderate)
 * @param exponents               how many of the largest exponents, 1..dimension, or {@link #ALL}
 * @param timeStep                time per iteration, finite &gt; 0: exponents are divided by it, so
 *                                1 gives exponents per iteration and an RNN trained on data sampled
 *                                every dt gives exponents per time unit with timeStep = dt
 */
public record MapLyapunovOptions(int transientSteps, int steps, int renormalizationInterval, int exponents,
                                 double timeStep) {

    /** Value of {@code exponents} meaning the full spectrum. */
    public static final int ALL = 0;

    public MapLyapunovOptions {
        Checks.atLeast("transientSteps", transientSteps, 0);
        Checks.atLeast("steps", steps, 1);
        Checks.atLeast("renormalizationInterval", renormalizationInterval, 1);
        if (renormalizationInterval > steps) {
            throw new IllegalArgumentException("renormalizationInterval must be <= steps (" + steps + "), was "
                    + renormalizationInterval);
        }
        Checks.atLeast("exponents", exponents, 0);
        Checks.positive("timeStep", timeStep);
    }

    /** 1000 transient iterations, 10000 averaged, QR every iteration, full spectrum, per iteration. */
    public static MapLyapunovOptions defaults() {
        return new MapLyapunovOptions(1000, 10_000, 1, ALL, 1.0);
    }

    public MapLyapunovOptions withTransientSteps(int value) {
        return new MapLyapunovOptions(value, steps, renormalizationInterval, exponents, timeStep);
    }

    public MapLyapunovOptions withSteps(int value) {
        return new MapLyapunovOptions(transientSteps, value, renormalizationInterval, exponents, timeStep);
    }

    public MapLyapunovOptions withRenormalizationInterval(int value) {
        return new MapLyapunovOptions(transientSteps, steps, value, exponents, timeStep);
    }

    public MapLyapunovOptions withExponents(int value) {
        return new MapLyapunovOptions(transientSteps, steps, renormalizationInterval, value, timeStep);
    }

    public MapLyapunovOptions withTimeStep(double value) {
        return new MapLyapunovOptions(transientSteps, steps, renormalizationInterval, exponents, value);
    }
}
