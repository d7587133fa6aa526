package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Products and spectra against direct multiplication and analytic singular values. */
class JacobianProductsTest {

    private static TrajectoryJacobians random(int steps, int n, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] j = new double[steps][n][n];
        for (double[][] m : j) {
            for (double[] row : m) {
                for (int c = 0; c < n; c++) row[c] = scale * (2 * rng.nextDouble() - 1);
            }
        }
        return new TrajectoryJacobians(new double[steps + 1][n], j);
    }

    /** J_t = diag(d) for every t: dz_T/dz_T-k = diag(d^k), singular values |d_i|^k. */
    private static TrajectoryJacobians diagonal(int steps, double... d) {
        double[][][] j = new double[steps][d.length][d.length];
        for (double[][] m : j) {
            for (int i = 0; i < d.length; i++) m[i][i] = d[i];
        }
        return new TrajectoryJacobians(new double[steps + 1][d.length], j);
    }

    @Test
    void productMultipliesInTimeOrder() {
        TrajectoryJacobians tj = random(3, 4, 1, 1);
        double[][] expected = ScaledMatrix.multiply(tj.jacobians()[2], ScaledMatrix.multiply(tj.jacobians()[1], tj.jacobians()[0]));
        double[][] p = JacobianProducts.product(tj, 0, 3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) assertEquals(expected[i][j], p[i][j], 1e-12);
        }
    }

    @Test
    void logNormFromEndMatchesDirectProductAndSurvivesUnderflow() {
        TrajectoryJacobians tj = random(12, 5, 0.7, 2);
        double[] logs = JacobianProducts.logNormFromEnd(tj, 12, 1);
        assertEquals(0.0, logs[0], 0.0);
        for (int k = 1; k <= 12; k++) {
            double direct = JacobianProducts.logSingularValues(JacobianProducts.product(tj, 12 - k, 12), 1)[0];
            assertEquals(direct, logs[k], 1e-9, "lag " + k);
        }
        // 2000 steps at a factor 0.5 per step: 0.5^2000 = 1e-602 underflows a double, its log does not
        double[] tiny = JacobianProducts.logNormFromEnd(diagonal(2000, 0.5, 0.25), 2000, 500);
        assertEquals(2000 * Math.log(0.5), tiny[2000], 1e-9);
        assertEquals(Double.NaN, tiny[1999]);
    }

    @Test
    void windowSpectraOfADiagonalMapAreAnalytic() {
        List<WindowSpectrum> w = JacobianProducts.windows(diagonal(100, 1.1, -0.5, 0.9), new int[] {10, 40}, 3, 0);
        assertEquals(10, w.get(0).windows());
        assertEquals(2, w.get(1).windows());
        double[] s = w.get(1).meanLogSingular();
        assertEquals(40 * Math.log(1.1), s[0], 1e-9);
        assertEquals(40 * Math.log(0.9), s[1], 1e-9);
        assertEquals(40 * Math.log(0.5), s[2], 1e-9);
        assertEquals(Math.log(1.1), w.get(1).ratePerStep(), 1e-9);
        double frob = 0.5 * Math.log(Math.pow(1.1, 20) + Math.pow(0.5, 20) + Math.pow(0.9, 20));
        assertEquals(frob, w.get(0).meanLogFrobenius(), 1e-9);
    }

    @Test
    void overlappingWindowsAndBadArguments() {
        assertEquals(91, JacobianProducts.windows(diagonal(100, 0.5), new int[] {10}, 1, 1).get(0).windows());
        assertThrows(IllegalArgumentException.class, () -> JacobianProducts.windows(diagonal(10, 0.5), new int[] {11}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> JacobianProducts.windows(diagonal(10, 0.5), new int[] {5}, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> JacobianProducts.product(diagonal(10, 0.5), 4, 11));
    }
}
