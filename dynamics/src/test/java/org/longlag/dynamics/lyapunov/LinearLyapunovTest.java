package org.longlag.dynamics.lyapunov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.maps.HenonMap;
import org.longlag.dynamics.systems.Lorenz63;

/** Maps and flows whose exponents are known exactly or published. */
class LinearLyapunovTest {

    /** z -> M z with a constant matrix M. */
    private static DiscreteMap linear(double[][] m) {
        return new DiscreteMap() {
            public int dimension() {
                return m.length;
            }

            public void step(double[] z, double[] next) {
                for (int i = 0; i < m.length; i++) {
                    double s = 0;
                    for (int j = 0; j < m.length; j++) {
                        s += m[i][j] * z[j];
                    }
                    next[i] = s;
                }
            }

            public void jacobian(double[] z, double[][] jac) {
                for (int i = 0; i < m.length; i++) {
                    System.arraycopy(m[i], 0, jac[i], 0, m.length);
                }
            }
        };
    }

    @Test
    void diagonalMapHasTheLogsOfItsEntries() {
        // diag(0.5, 2): exponents log 2 and log 0.5 per step (analytic); the contracting axis comes first
        // in the coordinates, so a start basis on the axes would report them in the wrong order
        DiscreteMap map = linear(new double[][] {{0.5, 0}, {0, 2}});
        MapLyapunovOptions options = MapLyapunovOptions.defaults().withTransientSteps(100).withSteps(1000);
        LyapunovResult r = LyapunovSpectrum.of(map, new double[] {0, 0}, options);
        assertArrayEquals(new double[] {Math.log(2), Math.log(0.5)}, r.exponents(), Tolerances.LINEAR_MAP_ABSOLUTE);
        // per time unit when each iteration spans 0.1 time units
        LyapunovResult perTime = LyapunovSpectrum.of(map, new double[] {0, 0}, options.withTimeStep(0.1));
        assertArrayEquals(new double[] {10 * Math.log(2), 10 * Math.log(0.5)}, perTime.exponents(), 1e-8);
        // renormalizing every 10 iterations gives the same exponents
        LyapunovResult sparse = LyapunovSpectrum.of(map, new double[] {0, 0}, options.withRenormalizationInterval(10));
        assertArrayEquals(r.exponents(), sparse.exponents(), Tolerances.LINEAR_MAP_ABSOLUTE);
    }

    @Test
    void rotationHasZeroExponents() {
        double a = 0.7;
        DiscreteMap rotation = linear(new double[][] {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}});
        LyapunovResult r = LyapunovSpectrum.of(rotation, new double[] {1, 0}, MapLyapunovOptions.defaults());
        assertArrayEquals(new double[] {0, 0}, r.exponents(), Tolerances.LINEAR_MAP_ABSOLUTE);
    }

    @Test
    void henonMapMatchesThePublishedExponent() {
        HenonMap henon = new HenonMap();
        LyapunovResult r = LyapunovSpectrum.of(henon, henon.defaultInitialState(),
                MapLyapunovOptions.defaults().withSteps(100_000));
        assertEquals(Tolerances.HENON_LAMBDA_MAX, r.maximal(), Tolerances.HENON_RELATIVE * Tolerances.HENON_LAMBDA_MAX, r.toString());
        assertEquals(Math.log(0.3), r.sum(), Tolerances.HENON_SUM_ABSOLUTE, "sum = log|det J| = log b");
        double max = LyapunovSpectrum.maximal(henon, henon.defaultInitialState(),
                MapLyapunovOptions.defaults().withSteps(100_000));
        assertEquals(Tolerances.HENON_LAMBDA_MAX, max, Tolerances.HENON_RELATIVE * Tolerances.HENON_LAMBDA_MAX);
    }

    @Test
    void linearFlowHasTheRealPartsOfItsEigenvalues() {
        // dx/dt = A x, A = [[-1, 2], [0, -3]]: eigenvalues -1, -3 (analytic)
        OdeSystem flow = new OdeSystem() {
            public String name() {
                return "linear";
            }

            public int dimension() {
                return 2;
            }

            public void derivative(double[] x, double[] d) {
                d[0] = -x[0] + 2 * x[1];
                d[1] = -3 * x[1];
            }

            public void jacobian(double[] x, double[][] j) {
                j[0][0] = -1;
                j[0][1] = 2;
                j[1][0] = 0;
                j[1][1] = -3;
            }

            public double[] defaultInitialState() {
                return new double[] {1, 1};
            }
        };
        LyapunovResult r = LyapunovSpectrum.of(flow, OdeLyapunovOptions.defaults().withTotalTime(200).withTransientTime(10));
        // non-normal A: finite-time transients of the basis decay, leaving O(1/T) bias
        assertArrayEquals(new double[] {-1, -3}, r.exponents(), 1e-3, r.toString());
    }

    @Test
    void badOptionsAndDivergenceGiveClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LyapunovSpectrum.of(new Lorenz63(), OdeLyapunovOptions.defaults().withExponents(4)));
        assertTrue(e.getMessage().contains("exponents must be in 1..3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OdeLyapunovOptions.defaults().withRenormalizationInterval(0.001));
        assertTrue(e.getMessage().startsWith("renormalizationInterval"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MapLyapunovOptions.defaults().withSteps(0));
        assertTrue(e.getMessage().startsWith("steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LyapunovSpectrum.of(new HenonMap(), new double[] {0, 0, 0}, MapLyapunovOptions.defaults()));
        assertTrue(e.getMessage().contains("length 2"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> LyapunovSpectrum.of(new HenonMap(), new double[] {5, 5}, MapLyapunovOptions.defaults()));
        assertTrue(s.getMessage().contains("non-finite"), s.getMessage());
    }
}
