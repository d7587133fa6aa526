package org.longlag.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.HarmonicOscillator;
import org.longlag.dynamics.Tolerances;

/** The RK4 used for Lyapunov spectra: fourth order, and the tangent map equals the exact propagator. */
class VariationalRk4Test {

    private final HarmonicOscillator oscillator = new HarmonicOscillator(1.3);

    private double error(double h) {
        double[] x = {1.0, 0.5};
        double[][] y = {{1, 0}, {0, 1}};
        VariationalRk4 rk4 = new VariationalRk4(oscillator, 2);
        int steps = (int) Math.round(10.0 / h);
        for (int i = 0; i < steps; i++) {
            rk4.step(x, y, h);
        }
        double[] exact = oscillator.exact(new double[] {1.0, 0.5}, 10.0);
        // for a linear system the tangent propagator maps x0 to x(t) as well
        double[] viaTangent = {y[0][0] * 1.0 + y[0][1] * 0.5, y[1][0] * 1.0 + y[1][1] * 0.5};
        assertEquals(x[0], viaTangent[0], 1e-12);
        assertEquals(x[1], viaTangent[1], 1e-12);
        return Math.hypot(x[0] - exact[0], x[1] - exact[1]);
    }

    @Test
    void convergesAtFourthOrder() {
        assertEquals(Tolerances.RK4_ORDER_RATIO, error(0.1) / error(0.05), Tolerances.RK4_ORDER_RATIO_SLACK);
        assertEquals(Tolerances.RK4_ORDER_RATIO, error(0.05) / error(0.025), Tolerances.RK4_ORDER_RATIO_SLACK);
    }
}
