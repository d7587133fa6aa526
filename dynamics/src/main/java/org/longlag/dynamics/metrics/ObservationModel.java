package org.longlag.dynamics.metrics;

/**
 * Links a model's latent state to observations, for {@link PredictionError} on models whose state is
 * not the observation itself (e.g. an RNN with more latent units than observed dimensions): how to
 * set a state from an observed data point, and how to read an observation off a state.
 */
public interface ObservationModel {

    /** Dimension of the observations. */
    int observationDimension();

    /** Dimension of the latent state (the map's dimension). */
    int stateDimension();

    /**
     * Sets the state to start a free run from observation x (e.g. identity on the observed units
     * and zero elsewhere, or teacher forcing with a pseudo-inverse).
     */
    void initialState(double[] x, double[] z);

    /** Writes the observation predicted from state z into x. */
    void observe(double[] z, double[] x);

    /** State = observation. */
    static ObservationModel identity(int dimension) {
        return new ObservationModel() {
            @Override
            public int observationDimension() {
                return dimension;
            }

            @Override
            public int stateDimension() {
                return dimension;
            }

            @Override
            public void initialState(double[] x, double[] z) {
                System.arraycopy(x, 0, z, 0, dimension);
            }

            @Override
            public void observe(double[] z, double[] x) {
                System.arraycopy(z, 0, x, 0, dimension);
            }
        };
    }
}
