package org.longlag.dynamics.lyapunov;

import org.longlag.dynamics.internal.Checks;

/**
 * Settings of the Lyapunov spectrum of an ODE (see {@link LyapunovSpectrum#of(org.longlag.dynamics.OdeSystem, OdeLyapunovOptions)}).
 *
 * @param step                    fixed RK4 step for state and variational equations, finite &gt; 0
 * @param transientTime           time run (and QR-renormalized) before averaging starts, so the state
 *                                is on the attractor and the tangent basis aligned, finite &gt;= 0
 * @param totalTime               averaging time, finite &gt;= renormalizationInterval
 * @param renormalizationInterval time between QR re-orthonormalizations, finite &gt;= step; rounded
 *                                to a whole number of steps
 * @param exponents               how many of the largest exponents, 1..dimension, or {@link #ALL}
 * @param initialState            start state, or {@code null} for the system's default
 */
public record OdeLyapunovOptions(double step, double transientTime, double totalTime,
                                 double renormalizationInterval, int exponents, double[] initialState) {

    /** Value of {@code exponents} meaning the full spectrum. */
    public static final int ALL = 0;

    public OdeLyapunovOptions {
        Checks.positive("step", step);
        Checks.nonNegative("transientTime", transientTime);
        Checks.positive("renormalizationInterval", renormalizationInterval);
        if (renormalizationInterval < step) {
            throw new IllegalArgumentException("renormalizationInterval must be >= step (" + step + "), was "
                    + renormalizationInterval);
        }
        Checks.positive("totalTime", totalTime);
        if (totalTime < renormalizationInterval) {
            throw new IllegalArgumentException("totalTime must be >= renormalizationInterval ("
                    + renormalizationInterval + "), was " + totalTime);
        }
        Checks.atLeast("exponents", exponents, 0);
        if (initialState != null) {
            Checks.finiteVector("initialState", initialState, initialState.length);
            initialState = initialState.clone();
        }
    }

    /**
     * Step 0.01, transient 100, total time 1000, renormalization every 0.1, full spectrum, default
     * initial state: about 0.5% accuracy for Lorenz-63's maximal exponent, well under a second.
     */
    public static OdeLyapunovOptions defaults() {
        return new OdeLyapunovOptions(0.01, 100.0, 1000.0, 0.1, ALL, null);
    }

    @Override
    public double[] initialState() {
        return initialState == null ? null : initialState.clone();
    }

    public OdeLyapunovOptions withStep(double value) {
        return new OdeLyapunovOptions(value, transientTime, totalTime, renormalizationInterval, exponents, initialState);
    }

    public OdeLyapunovOptions withTransientTime(double value) {
        return new OdeLyapunovOptions(step, value, totalTime, renormalizationInterval, exponents, initialState);
    }

    public OdeLyapunovOptions withTotalTime(double value) {
        return new OdeLyapunovOptions(step, transientTime, value, renormalizationInterval, exponents, initialState);
    }

    public OdeLyapunovOptions withRenormalizationInterval(double value) {
        return new OdeLyapunovOptions(step, transientTime, totalTime, value, exponents, initialState);
    }

    public OdeLyapunovOptions withExponents(int value) {
        return new OdeLyapunovOptions(step, transientTime, totalTime, renormalizationInterval, value, initialState);
    }

    public OdeLyapunovOptions withInitialState(double[] value) {
        return new OdeLyapunovOptions(step, transientTime, totalTime, renormalizationInterval, exponents, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdeLyapunovOptions p && step == p.step && transientTime == p.transientTime
                && totalTime == p.totalTime && renormalizationInterval == p.renormalizationInterval
                && exponents == p.exponents && java.util.Arrays.equals(initialState, p.initialState);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(step, transientTime, totalTime, renormalizationInterval, exponents,
                java.util.Arrays.hashCode(initialState));
    }

    @Override
    public String toString() {
        return "OdeLyapunovOptions[step=" + step + ", transientTime=" + transientTime + ", totalTime=" + totalTime
                + ", renormalizationInterval=" + renormalizationInterval + ", exponents="
                + (exponents == ALL ? "all" : exponents) + ", initialState="
                + java.util.Arrays.toString(initialState) + "]";
    }
}
