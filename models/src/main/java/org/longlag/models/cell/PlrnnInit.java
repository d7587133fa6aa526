package org.longlag.models.cell;

import java.util.SplittableRandom;

/**
 * The random start of the reg-PLRNN reference code (DurstewitzLab/reg-PLRNN,
 * {@code benchmark_run/gdplrnn/model.py}, {@code generate_random_params}), which every PLRNN
 * variant of Schmidt et al. (ICLR 2021) draws before its regularized units are overwritten.
 */
final class PlrnnInit {

    private PlrnnInit() {
    }

    /**
     * The joint matrix AW whose diagonal becomes A and whose off-diagonal becomes W: entries
     * N(0, 1/M) (numpy's {@code scale=1/sqrt(M)} is the standard deviation), multiplied by
     * 1/(1 + sqrt(M)) for as long as the spectral radius exceeds 1. A Gaussian matrix with this
     * variance has spectral radius about 1 (circular law) and, at finite M, above 1 more often than
     * not (measured over 200 draws: 64% at M = 10, 85% at M = 40, 94% at M = 128), so most starts
     * are shrunk once, to radius about 1/(1 + sqrt(M)) (0.14 at M = 40). That is the reference's
     * recipe, kept as is.
     */
    static double[][] couplings(int m, SplittableRandom rng) {
        double std = 1.0 / Math.sqrt(m);
        double[][] aw = new double[m][m];
        for (double[] row : aw) {
            for (int j = 0; j < m; j++) row[j] = std * Initializers.nextGaussian(rng);
        }
        double shrink = 1.0 / (1.0 + Math.sqrt(m));
        while (SpectralRadius.of(aw) > 1) {
            for (double[] row : aw) {
                for (int j = 0; j < m; j++) row[j] *= shrink;
            }
        }
        return aw;
    }

    /**
     * Extra gain of the input weights C ~ N(0, 1/M): sqrt(2) exp(1.2 / max(M, 6) - 2.4), the
     * input scaling of the np-RNN (Talathi & Vartak 2016) that the reference reuses; about 0.13
     * at M = 40, so inputs start small against the recurrent dynamics.
     */
    static double inputGain(int m) {
        return Math.sqrt(2) * Math.exp(1.2 / Math.max(m, 6) - 2.4);
    }
}
