package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * The PLRNN starts as the reg-PLRNN reference ({@code benchmark_run/gdplrnn/model.py},
 * {@code generate_random_params}; {@code training.py},
 * {@code generate_random_params_according_to_initialization}).
 */
class PlrnnInitializationTest {

    private static Parameters start(PlrnnCell c, long seed) {
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(seed));
        return w;
    }

    @Test
    void regularizedUnitsStartAsIntegrators() {
        int m = 40, p = 20;
        Parameters w = start(PlrnnCell.regularized(2, m, p, 5, 5), 1);
        Mat a = w.get(PlrnnCell.A), wm = w.get(PlrnnCell.W), h = w.get(PlrnnCell.H);
        for (int i = 0; i < p; i++) {
            assertEquals(1.0, a.get(0, i), 0.0, "A_" + i);
            assertEquals(0.0, h.get(0, i), 0.0, "h_" + i);
            for (int j = 0; j < m; j++) assertEquals(0.0, wm.get(i, j), 0.0, "W[" + i + "][" + j + "]: rows of regularized units are zero");
        }
        int nonzeroRows = 0, nonzeroBias = 0, nonzeroColumnsIntoSubspace = 0;
        for (int i = p; i < m; i++) {
            if (h.get(0, i) != 0) nonzeroBias++;
            double row = 0;
            for (int j = 0; j < m; j++) row += Math.abs(wm.get(i, j));
            if (row > 0) nonzeroRows++;
            if (wm.get(i, 0) != 0) nonzeroColumnsIntoSubspace++;
        }
        assertEquals(m - p, nonzeroRows, "free units keep their random rows");
        assertEquals(m - p, nonzeroBias, "free units keep their random bias");
        assertEquals(m - p, nonzeroColumnsIntoSubspace, "columns are not masked: free units read the subspace");
        for (int i = 0; i < m; i++) assertEquals(0.0, wm.get(i, i), 0.0, "W's diagonal");
    }

    @Test
    void l2VariantStartsItsSubspaceAtZero() {
        Parameters w = start(PlrnnCell.l2(2, 10, 4, 1, 1), 2);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.0, w.get(PlrnnCell.A).get(0, i), 0.0);
            assertEquals(0.0, w.get(PlrnnCell.H).get(0, i), 0.0);
        }
        assertTrue(w.get(PlrnnCell.A).get(0, 5) != 0);
    }

    @Test
    void randomStartHasSpectralRadiusAtMostOne() {
        for (int m : new int[] {3, 10, 40}) {
            for (long seed = 0; seed < 6; seed++) {
                Parameters w = start(PlrnnCell.plain(2, m), seed);
                double[][] aw = new double[m][m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) aw[i][j] = i == j ? w.get(PlrnnCell.A).get(0, i) : w.get(PlrnnCell.W).get(i, j);
                }
                double rho = SpectralRadius.of(aw);
                assertTrue(rho <= 1.0 && rho > 0, "M=" + m + " seed " + seed + ": spectral radius " + rho);
            }
        }
    }

    @Test
    void couplingsAreDrawnWithStandardDeviationOneOverSqrtM() {
        // numpy's normal(scale=1/sqrt(M)) is a standard deviation; a shrunk draw is that times 1/(1 + sqrt(M))
        int m = 60;
        double std = 1 / Math.sqrt(m), shrunk = std / (1 + Math.sqrt(m));
        int unshrunk = 0;
        for (long seed = 0; seed < 8; seed++) {
            Parameters w = start(PlrnnCell.plain(2, m), seed);
            double s = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = i == j ? w.get(PlrnnCell.A).get(0, i) : w.get(PlrnnCell.W).get(i, j);
                    s += v * v;
                }
            }
            double sample = Math.sqrt(s / (m * m));
            boolean plain = Math.abs(sample / std - 1) < 0.06, small = Math.abs(sample / shrunk - 1) < 0.06;
            assertTrue(plain || small, "seed " + seed + ": std " + sample + " is neither " + std + " nor " + shrunk);
            if (plain) unshrunk++;
        }
        assertTrue(unshrunk > 0 && unshrunk < 8, "both cases occur (most draws are shrunk at finite M), got " + unshrunk + " unshrunk of 8");
    }

    @Test
    void inputWeightsCarryTheNpRnnGain() {
        int m = 200, k = 5;
        Parameters w = start(PlrnnCell.plain(k, m), 4);
        Mat c = w.get(PlrnnCell.C);
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) s += c.get(i, j) * c.get(i, j);
        }
        double expected = Math.sqrt(2) * Math.exp(1.2 / m - 2.4) / Math.sqrt(m);
        assertEquals(expected, Math.sqrt(s / (m * k)), 0.1 * expected);
    }
}
