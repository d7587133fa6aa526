package org.longlag.dynamics.trajectory;

import org.longlag.dynamics.internal.Checks;

/**
 * How to simulate a trajectory: sampling step, number of samples, transient to discard, integrator,
 * observation noise and whether to standardize. Build with {@link #of(double, int)} and the
 * {@code with...} methods.
 *
 * @param dt            sampling step between rows, finite &gt; 0
 * @param samples       number of rows to keep, &gt;= 2
 * @param transientTime time integrated and discarded before the first kept sample, finite &gt;= 0
 * @param integrator    the integrator
 * @param noiseLevel    observation noise std as a fraction of each dimension's std, finite &gt;= 0
 * @param standardize   z-score each dimension after adding noise
 * @param initialState  start state, or {@code null} for the system's default
 */
public record TrajectorySpec(double dt, int samples, double transientTime, IntegratorSpec integrator,
                             double noiseLevel, boolean standardize, double[] initialState) {

    public TrajectorySpec {
        Checks.positive("dt", dt);
        Checks.atLeast("samples", samples, 2);
        Checks.nonNegative("transientTime", transientTime);
        if (integrator == null) {
            throw new IllegalArgumentException("integrator must not be null");
        }
        Checks.nonNegative("noiseLevel", noiseLevel);
        if (initialState != null) {
            Checks.finiteVector("initialState", initialState, initialState.length);
            initialState = initialState.clone();
        }
    }

    /**
     * {@code samples} rows {@code dt} apart, no transient, default integrator
     * ({@link IntegratorSpec#defaults()}), no noise, not standardized, default initial state.
     */
    public static TrajectorySpec of(double dt, int samples) {
        return new TrajectorySpec(dt, samples, 0.0, IntegratorSpec.defaults(), 0.0, false, null);
    }

    @Override
    public double[] initialState() {
        return initialState == null ? null : initialState.clone();
    }

    public TrajectorySpec withTransient(double time) {
        return new TrajectorySpec(dt, samples, time, integrator, noiseLevel, standardize, initialState);
    }

    public TrajectorySpec withIntegrator(IntegratorSpec spec) {
        return new TrajectorySpec(dt, samples, transientTime, spec, noiseLevel, standardize, initialState);
    }

    public TrajectorySpec withNoise(double level) {
        return new TrajectorySpec(dt, samples, transientTime, integrator, level, standardize, initialState);
    }

    public TrajectorySpec withStandardization(boolean on) {
        return new TrajectorySpec(dt, samples, transientTime, integrator, noiseLevel, on, initialState);
    }

    public TrajectorySpec withInitialState(double[] state) {
        return new TrajectorySpec(dt, samples, transientTime, integrator, noiseLevel, standardize, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrajectorySpec s && dt == s.dt && samples == s.samples
                && transientTime == s.transientTime && integrator.equals(s.integrator)
                && noiseLevel == s.noiseLevel && standardize == s.standardize
                && java.util.Arrays.equals(initialState, s.initialState);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dt, samples, transientTime, integrator, noiseLevel, standardize,
                java.util.Arrays.hashCode(initialState));
    }

    @Override
    public String toString() {
        return "TrajectorySpec[dt=" + dt + ", samples=" + samples + ", transientTime=" + transientTime
                + ", integrator=" + integrator + ", noiseLevel=" + noiseLevel + ", standardize=" + standardize
                + ", initialState=" + java.util.Arrays.toString(initialState) + "]";
    }
}
