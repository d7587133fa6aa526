package org.longlag.dynamics.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.trajectory.IntegratorSpec;
import org.longlag.dynamics.trajectory.OdeIntegration;

/** Each system's analytic Jacobian against central differences of its derivative. */
class JacobianTest {

    static Stream<OdeSystem> systems() {
        return Stream.of(
                new Lorenz63(),
                new Roessler(),
                new Lorenz96(),
                new Lorenz96(new Lorenz96.Parameters(4, 8.0)),
                new Lorenz96(new Lorenz96.Parameters(7, 3.5)),
                new VanDerPol(),
                VanDerPol.withMu(0.0),
                VanDerPol.withMu(5.0),
                new BurstingNeuron(),
                new BurstingNeuron(BurstingNeuron.Parameters.defaults().withGNmda(3.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void analyticJacobianMatchesCentralDifferences(OdeSystem system) {
        for (double[] x : testPoints(system)) {
            assertJacobian(system, x);
        }
    }

    /** Points on the trajectory from the default state (where the dynamics lives) plus perturbed ones. */
    private static List<double[]> testPoints(OdeSystem system) {
        double[][] path = OdeIntegration.sample(system, IntegratorSpec.defaults(),
                system.defaultInitialState(), 0.37, 12);
        SplittableRandom random = new SplittableRandom(7);
        java.util.ArrayList<double[]> points = new java.util.ArrayList<>(List.of(path));
        for (double[] p : path) {
            double[] q = p.clone();
            for (int j = 0; j < q.length; j++) {
                q[j] += 0.1 * (1 + Math.abs(q[j])) * random.nextGaussian();
            }
            points.add(q);
        }
        return points;
    }

    private static void assertJacobian(OdeSystem system, double[] x) {
        int d = system.dimension();
        double[][] jac = new double[d][d];
        for (double[] row : jac) {
            java.util.Arrays.fill(row, Double.NaN); // every entry must be written
        }
        system.jacobian(x, jac);
        double[] plus = new double[d];
        double[] minus = new double[d];
        for (int j = 0; j < d; j++) {
            double h = Tolerances.FD_STEP * Math.max(1.0, Math.abs(x[j]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            system.derivative(xp, plus);
            system.derivative(xm, minus);
            for (int i = 0; i < d; i++) {
                double fd = (plus[i] - minus[i]) / (2 * h);
                assertTrue(Double.isFinite(jac[i][j]), "J[" + i + "][" + j + "] not written");
                assertEquals(fd, jac[i][j], Tolerances.JACOBIAN_RELATIVE * Math.max(1.0, Math.abs(fd)),
                        system + " J[" + i + "][" + j + "] at " + java.util.Arrays.toString(x));
            }
        }
    }
}
