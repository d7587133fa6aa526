package org.longlag.dynamics.trajectory;

/**
 * A simulated trajectory and what was done to it.
 *
 * @param trajectory      the samples after noise and standardization, as requested
 * @param standardization the z-scoring applied (identity when standardization was off); apply it to
 *                        other data to put it on the same scale, or invert it to return to raw units
 * @param finalState      the system's exact (noise-free, raw-unit) state at the last sample, from
 *                        which a continuation can be integrated
 */
public record GeneratedTrajectory(Trajectory trajectory, Standardization standardization, double[] finalState) {

    public GeneratedTrajectory {
        if (trajectory == null || standardization == null || finalState == null) {
            throw new IllegalArgumentException("trajectory, standardization and finalState must not be null");
        }
        finalState = finalState.clone();
    }

    @Override
    public double[] finalState() {
        return finalState.clone();
    }

    /** The data as {@code [time][dimension]}, a copy. */
    public double[][] data() {
        return trajectory.toArray();
    }
}
