package org.longlag.dynamics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;

/** The DFT of any length and the reference smoothing kernel, against independent routes. */
class FourierAndSmoothingTest {

    @Test
    void dftOfAnyLengthMatchesTheNaiveSum() {
        SplittableRandom random = new SplittableRandom(11);
        int[] lengths = {1, 2, 3, 5, 7, 8, 12, 17, 31, 64, 100, 127, 1000};
        for (int n : lengths) {
            double[] x = new double[n];
            double energy = 0;
            for (int t = 0; t < n; t++) {
                x[t] = random.nextGaussian();
                energy += x[t] * x[t];
            }
            double[][] fast = Fourier.dft(x);
            for (int k = 0; k < n; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < n; t++) {
                    double angle = -2 * Math.PI * ((long) k * t % n) / n;
                    re += x[t] * Math.cos(angle);
                    im += x[t] * Math.sin(angle);
                }
                double tol = Tolerances.DFT_RELATIVE * Math.max(1, energy);
                assertEquals(re, fast[0][k], tol, "n=" + n + " k=" + k + " re");
                assertEquals(im, fast[1][k], tol, "n=" + n + " k=" + k + " im");
            }
            assertEquals(n / 2 + 1, Fourier.powerSpectrum(x).length);
        }
    }

    @Test
    void kernelFollowsTheReference() {
        // GTF-shPLRNN pse.jl: kernel length 2 * 4 * sigma (+1 if even) -> 161 taps for sigma = 20
        assertEquals(161, GaussianSmoothing.kernel(20).length);
        assertEquals(21, GaussianSmoothing.kernel(2.5).length);
        double sum = 0;
        for (double w : GaussianSmoothing.kernel(20)) {
            sum += w;
        }
        assertEquals(1.0, sum, Tolerances.SAME_FORMULA);
    }

    @Test
    void mirrorPaddingExcludesTheEdgeSample() {
        // ImageFiltering "reflect": ... c b | a b c d | c b a ...
        int[] expected = {2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1};
        for (int i = -4; i < 8; i++) {
            assertEquals(expected[i + 4], GaussianSmoothing.mirror(i, 4), "index " + i);
        }
        assertEquals(0, GaussianSmoothing.mirror(5, 1));
    }

    @Test
    void smoothingKeepsConstantsAndMass() {
        double[] c = new double[50];
        java.util.Arrays.fill(c, 3.0);
        for (double v : GaussianSmoothing.smooth(c, 20)) {
            assertEquals(3.0, v, 1e-12);
        }
    }
}
