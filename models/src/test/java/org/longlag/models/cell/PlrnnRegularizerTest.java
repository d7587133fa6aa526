package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;

/**
 * The regularizer on a hand-computed case: M = 3, p = 2, tau_A = 2, tau_W = 3,
 * A = (0.5, 3, -1), h = (1, -2, 8), W = [[7, 2, -1], [4, 9, 0.5], [10, 10, 10]] (its diagonal 7, 9,
 * 10 is not a parameter and must be ignored; row 2 belongs to a free unit).
 *
 * <pre>
 *   A term: 2/2 ((0.5-1)^2 + (3-1)^2)            = 4.25
 *   W term: 3/(2*3) (2^2 + (-1)^2 + 4^2 + 0.5^2)  = 10.625
 *   h term: 3/2 (1^2 + (-2)^2)                     = 7.5         total 22.375
 * </pre>
 *
 * With the L2 penalty the A term is 2/2 (0.5^2 + 3^2) = 9.25, total 27.375.
 */
class PlrnnRegularizerTest {

    private static Parameters weights() {
        PlrnnCell c = PlrnnCell.plain(1, 3);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        double[] a = {0.5, 3, -1}, h = {1, -2, 8};
        double[][] wm = {{7, 2, -1}, {4, 9, 0.5}, {10, 10, 10}};
        for (int i = 0; i < 3; i++) {
            w.get(PlrnnCell.A).set(0, i, a[i]);
            w.get(PlrnnCell.H).set(0, i, h[i]);
            for (int j = 0; j < 3; j++) w.get(PlrnnCell.W).set(i, j, wm[i][j]);
        }
        w.refreshTransposes();
        return w;
    }

    @Test
    void lineAttractorPenaltyValueAndGradient() {
        PlrnnCell c = PlrnnCell.regularized(1, 3, 2, 2, 3);
        Parameters w = weights();
        assertEquals(22.375, c.regularization(w, null), 1e-12);
        Parameters g = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, false);
        assertEquals(22.375, c.regularization(w, g), 1e-12);
        // dA_i = 2 tau_A/p (A_i - 1); dW_ij = 2 tau_W/(pM) W_ij; dh_i = 2 tau_W/p h_i; zero elsewhere
        assertRow(g, PlrnnCell.A, 0, -1, 4, 0);
        assertRow(g, PlrnnCell.H, 0, 3, -6, 0);
        assertRow(g, PlrnnCell.W, 0, 0, 2, -1);
        assertRow(g, PlrnnCell.W, 1, 4, 0, 0.5);
        assertRow(g, PlrnnCell.W, 2, 0, 0, 0);
    }

    @Test
    void l2PenaltyPullsATowardZero() {
        PlrnnCell c = PlrnnCell.l2(1, 3, 2, 2, 3);
        Parameters g = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, false);
        assertEquals(27.375, c.regularization(weights(), g), 1e-12);
        assertRow(g, PlrnnCell.A, 0, 1, 6, 0);
    }

    @Test
    void gradientIsAddedToWhatIsThere() {
        PlrnnCell c = PlrnnCell.regularized(1, 3, 2, 2, 3);
        Parameters g = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, false);
        g.get(PlrnnCell.A).set(0, 0, 10);
        c.regularization(weights(), g);
        assertEquals(9.0, g.get(PlrnnCell.A).get(0, 0), 1e-12);
    }

    @Test
    void noRegularizedUnitsOrZeroWeightsGiveZero() {
        assertEquals(0.0, PlrnnCell.plain(1, 3).regularization(weights(), null));
        assertEquals(0.0, PlrnnCell.initialized(1, 3, 2).regularization(weights(), null));
        assertEquals(7.5 + 10.625, PlrnnCell.regularized(1, 3, 2, 0, 3).regularization(weights(), null), 1e-12);
    }

    private static void assertRow(Parameters g, int block, int row, double... expected) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], g.get(block).get(row, j), 1e-12, g.layout().block(block).name() + "[" + row + "][" + j + "]");
        }
    }
}
