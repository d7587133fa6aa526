package org.longlag.dynamics.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.HarmonicOscillator;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.systems.Lorenz63;

/** Commons Math integrators through {@link OdeIntegration}, against the harmonic oscillator's analytic solution. */
class IntegratorConvergenceTest {

    private final HarmonicOscillator oscillator = new HarmonicOscillator(1.3);
    private final double[] x0 = {1.0, 0.5};
    private static final double DURATION = 10.0;

    private double error(IntegratorSpec spec) {
        double[] x = OdeIntegration.integrate(oscillator, spec, x0, DURATION);
        double[] exact = oscillator.exact(x0, DURATION);
        return Math.hypot(x[0] - exact[0], x[1] - exact[1]);
    }

    @Test
    void rungeKutta4ConvergesAtFourthOrder() {
        double e1 = error(IntegratorSpec.rungeKutta4(0.1));
        double e2 = error(IntegratorSpec.rungeKutta4(0.05));
        double e3 = error(IntegratorSpec.rungeKutta4(0.025));
        assertEquals(Tolerances.RK4_ORDER_RATIO, e1 / e2, Tolerances.RK4_ORDER_RATIO_SLACK, "e(h)/e(h/2)");
        assertEquals(Tolerances.RK4_ORDER_RATIO, e2 / e3, Tolerances.RK4_ORDER_RATIO_SLACK, "e(h/2)/e(h/4)");
    }

    @Test
    void dormandPrinceMeetsItsTolerance() {
        assertTrue(error(IntegratorSpec.defaults()) < Tolerances.DOPRI_ABSOLUTE);
    }

    @Test
    void samplesFallOnTheSamplingGridWhateverTheIntegratorStep() {
        double dt = 0.3;
        for (IntegratorSpec spec : new IntegratorSpec[] {IntegratorSpec.defaults(), IntegratorSpec.rungeKutta4(0.001)}) {
            double[][] s = OdeIntegration.sample(oscillator, spec, x0, dt, 40);
            assertEquals(40, s.length);
            assertEquals(x0[0], s[0][0], 0.0);
            for (int k = 0; k < s.length; k++) {
                double[] exact = oscillator.exact(x0, k * dt);
                assertEquals(exact[0], s[k][0], 1e-7, spec + " sample " + k);
                assertEquals(exact[1], s[k][1], 1e-7, spec + " sample " + k);
            }
        }
    }

    @Test
    void divergenceIsReportedNotReturned() {
        // RK4 with a huge step on Lorenz-63 blows up
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OdeIntegration.sample(new Lorenz63(), IntegratorSpec.rungeKutta4(0.5), new double[] {1, 1, 1}, 0.5, 200));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }

    @Test
    void initialStateOfWrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OdeIntegration.integrate(new Lorenz63(), IntegratorSpec.defaults(), new double[] {1, 2}, 1.0));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
    }
}
