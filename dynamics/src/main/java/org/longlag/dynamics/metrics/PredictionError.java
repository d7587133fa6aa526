package org.longlag.dynamics.metrics;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * n-step prediction error of DSR: start the model at every time step t = 0 .. T-n-1 of the true
 * trajectory, run it freely for k = 1..n steps, and average the squared error against x_{t+k} over
 * all starting points and dimensions.
 *
 * <p>As in GTF-shPLRNN {@code src/measures/prediction_error.jl} (MSE after n steps, the reference
 * uses n = 20) and dendPLRNN {@code BPTT_TF/evaluation/mse.py} (the whole curve for k = 1..n); both
 * use the same T - n starting points for every horizon. A model that diverges gives an infinite or
 * NaN error rather than an exception.
 */
public final class PredictionError {

    /** The horizon used in the reference settings ({@code PE_n}). */
    public static final int DEFAULT_STEPS = 20;

    private PredictionError() {
    }

    /** MSE after {@code steps} free steps, for a map on the observation space itself. */
    public static double mse(DiscreteMap map, double[][] truth, int steps) {
        double[] c = curve(map, truth, steps);
        return c[c.length - 1];
    }

    /** MSE after {@code steps} free steps, through an observation model. */
    public static double mse(DiscreteMap map, ObservationModel observation, double[][] truth, int steps) {
        double[] c = curve(map, observation, truth, steps);
        return c[c.length - 1];
    }

    /** MSE after 1, 2, ..., {@code steps} free steps, for a map on the observation space itself. */
    public static double[] curve(DiscreteMap map, double[][] truth, int steps) {
        if (map == null) {
            throw new IllegalArgumentException("map must not be null");
        }
        return curve(map, ObservationModel.identity(map.dimension()), truth, steps);
    }

    /**
     * MSE after 1, 2, ..., {@code steps} free steps.
     *
     * @return element k-1 is the mean squared error at horizon k
     * @throws IllegalArgumentException for non-finite or ragged data, dimensions that do not match
     *                                  the map and observation model, or a series not longer than
     *                                  {@code steps}
     */
    public static double[] curve(DiscreteMap map, ObservationModel observation, double[][] truth, int steps) {
        if (map == null || observation == null) {
            throw new IllegalArgumentException("map and observation model must not be null");
        }
        Checks.atLeast("steps", steps, 1);
        int dim = Series.requireFinite("truth", truth, steps + 1);
        Series.requireSameDimension("truth", dim, "observation model", observation.observationDimension());
        if (observation.stateDimension() != map.dimension()) {
            throw new IllegalArgumentException("dimension mismatch: map has " + map.dimension()
                    + " state dimensions, observation model " + observation.stateDimension());
        }
        int starts = truth.length - steps;
        double[] z = new double[map.dimension()];
        double[] next = new double[map.dimension()];
        double[] x = new double[dim];
        double[] sums = new double[steps];
        for (int t = 0; t < starts; t++) {
            observation.initialState(truth[t], z);
            for (int k = 0; k < steps; k++) {
                map.step(z, next);
                double[] swap = z;
                z = next;
                next = swap;
                observation.observe(z, x);
                double[] target = truth[t + k + 1];
                double se = 0;
                for (int j = 0; j < dim; j++) {
                    double d = x[j] - target[j];
                    se += d * d;
                }
                sums[k] += se;
            }
        }
        for (int k = 0; k < steps; k++) {
            sums[k] /= (double) starts * dim;
        }
        return sums;
    }
}
