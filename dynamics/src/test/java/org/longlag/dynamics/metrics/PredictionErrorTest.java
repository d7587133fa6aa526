package org.longlag.dynamics.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.maps.HenonMap;

class PredictionErrorTest {

    /** x -> a x in one dimension. */
    private static DiscreteMap scale(double a) {
        return new DiscreteMap() {
            public int dimension() {
                return 1;
            }

            public void step(double[] z, double[] next) {
                next[0] = a * z[0];
            }

            public void jacobian(double[] z, double[][] jac) {
                jac[0][0] = a;
            }
        };
    }

    private static double[][] orbit(DiscreteMap map, double[] z0, int length) {
        double[][] x = new double[length][];
        x[0] = z0.clone();
        for (int t = 1; t < length; t++) {
            x[t] = new double[z0.length];
            map.step(x[t - 1], x[t]);
        }
        return x;
    }

    @Test
    void theTrueMapPredictsPerfectly() {
        HenonMap henon = new HenonMap();
        double[][] truth = orbit(henon, new double[] {0.1, 0.1}, 300);
        double[] curve = PredictionError.curve(henon, truth, 20);
        assertArrayEquals(new double[20], curve, 0.0);
    }

    @Test
    void knownErrorOfAWrongLinearMap() {
        // truth x_t = 0.5^t; model 0.4 x: error at horizon k from start t is 0.25^t (0.5^k - 0.4^k)^2 (analytic)
        int length = 12;
        int steps = 3;
        double[][] truth = orbit(scale(0.5), new double[] {1.0}, length);
        double[] curve = PredictionError.curve(scale(0.4), truth, steps);
        for (int k = 1; k <= steps; k++) {
            double expected = 0;
            for (int t = 0; t < length - steps; t++) {
                expected += Math.pow(0.25, t) * Math.pow(Math.pow(0.5, k) - Math.pow(0.4, k), 2);
            }
            expected /= length - steps;
            assertEquals(expected, curve[k - 1], Tolerances.SAME_FORMULA, "horizon " + k);
        }
        assertEquals(curve[steps - 1], PredictionError.mse(scale(0.4), truth, steps), 0.0);
    }

    @Test
    void latentStateThroughAnObservationModel() {
        // a 2-d latent map whose first unit is 0.4 x and second is unobserved bookkeeping
        DiscreteMap latent = new DiscreteMap() {
            public int dimension() {
                return 2;
            }

            public void step(double[] z, double[] next) {
                next[0] = 0.4 * z[0];
                next[1] = z[1] + 1;
            }

            public void jacobian(double[] z, double[][] jac) {
                jac[0][0] = 0.4;
                jac[0][1] = 0;
                jac[1][0] = 0;
                jac[1][1] = 1;
            }
        };
        ObservationModel firstUnit = new ObservationModel() {
            public int observationDimension() {
                return 1;
            }

            public int stateDimension() {
                return 2;
            }

            public void initialState(double[] x, double[] z) {
                z[0] = x[0];
                z[1] = 0;
            }

            public void observe(double[] z, double[] x) {
                x[0] = z[0];
            }
        };
        double[][] truth = orbit(scale(0.5), new double[] {1.0}, 12);
        assertArrayEquals(PredictionError.curve(scale(0.4), truth, 3),
                PredictionError.curve(latent, firstUnit, truth, 3), 0.0);
    }

    @Test
    void badInputsGiveClearErrors() {
        double[][] truth = orbit(scale(0.5), new double[] {1.0}, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionError.curve(scale(0.5), truth, 5));
        assertTrue(e.getMessage().contains("truth is too short: 5 time steps, at least 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PredictionError.curve(new HenonMap(), truth, 2));
        assertTrue(e.getMessage().contains("dimension mismatch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PredictionError.curve(scale(0.5), truth, 0));
        assertTrue(e.getMessage().startsWith("steps"), e.getMessage());
    }

    @Test
    void aDivergingModelGivesInfiniteErrorNotAnException() {
        double[][] truth = orbit(scale(0.5), new double[] {1.0}, 30);
        double mse = PredictionError.mse(scale(1e200), truth, 3);
        assertTrue(Double.isInfinite(mse) || Double.isNaN(mse));
    }
}
