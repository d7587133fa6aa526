package org.longlag.dynamics.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.lyapunov.LyapunovResult;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.dynamics.systems.Lorenz63;
import org.longlag.dynamics.trajectory.IntegratorSpec;
import org.longlag.dynamics.trajectory.OdeIntegration;

class FlowMapTest {

    @Test
    void jacobianIsTheDerivativeOfTheStep() {
        FlowMap map = new FlowMap(new Lorenz63(), 0.05, 3);
        double[] z = {3.0, -2.0, 25.0};
        double[][] jac = new double[3][3];
        map.jacobian(z, jac);
        double[] plus = new double[3];
        double[] minus = new double[3];
        for (int j = 0; j < 3; j++) {
            double h = Tolerances.FD_STEP * Math.max(1, Math.abs(z[j]));
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[j] += h;
            zm[j] -= h;
            map.step(zp, plus);
            map.step(zm, minus);
            for (int i = 0; i < 3; i++) {
                double fd = (plus[i] - minus[i]) / (2 * h);
                assertEquals(fd, jac[i][j], Tolerances.JACOBIAN_RELATIVE * Math.max(1, Math.abs(fd)), "J[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void stepFollowsTheFlow() {
        // 10 RK4 substeps of 0.001 per iteration: global error over one time unit ~ 1e-8 (RK4 at 0.01: ~5e-5)
        FlowMap map = new FlowMap(new Lorenz63(), 0.01, 10);
        double[][] orbit = Orbit.iterate(map, new double[] {1, 1, 1}, 101);
        double[] exact = OdeIntegration.integrate(new Lorenz63(), IntegratorSpec.defaults(), new double[] {1, 1, 1}, 1.0);
        assertArrayEquals(exact, orbit[100], 1e-6);
    }

    @Test
    void lyapunovExponentsOfTheFlowMapMatchTheOde() {
        // the discrete path models uses for trained RNNs, checked against Lorenz-63's published spectrum
        FlowMap map = new FlowMap(new Lorenz63(), 0.01, 1);
        MapLyapunovOptions options = new MapLyapunovOptions(10_000, 100_000, 10, MapLyapunovOptions.ALL, map.dt());
        LyapunovResult r = LyapunovSpectrum.of(map, new double[] {1, 1, 1}, options);
        assertEquals(Tolerances.LORENZ_LAMBDA_MAX, r.maximal(), Tolerances.LORENZ_LAMBDA_MAX_RELATIVE * Tolerances.LORENZ_LAMBDA_MAX, r.toString());
        assertEquals(Tolerances.LORENZ_SUM, r.sum(), Tolerances.LORENZ_SUM_RELATIVE * -Tolerances.LORENZ_SUM, r.toString());
        assertEquals(1000.0, r.averagingTime(), 1e-9);
    }

    @Test
    void orbitReportsDivergence() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Orbit.iterate(new HenonMap(), new double[] {5, 5}, 100));
        assertTrue(e.getMessage().contains("non-finite at step"), e.getMessage());
    }
}
