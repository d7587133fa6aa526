package org.longlag.models.diagnostics;

/**
 * Singular values of Jacobian products over windows of one length along a trajectory, averaged on
 * the log scale over the windows: for windows [s, s + k), P = dz_{s+k}/dz_s = J_{s+k-1} ... J_s.
 *
 * @param length              window length k (steps)
 * @param windows             windows averaged
 * @param meanLogSingular     mean of log sigma_i(P), i = 0..top-1, largest first (sigma_0 = ||P||_2)
 * @param meanLogFrobenius    mean of log ||P||_F
 */
public record WindowSpectrum(int length, int windows, double[] meanLogSingular, double meanLogFrobenius) {

    public WindowSpectrum {
        meanLogSingular = meanLogSingular.clone();
    }

    @Override
    public double[] meanLogSingular() {
        return meanLogSingular.clone();
    }

    /** Mean log of the spectral norm ||P||_2. */
    public double meanLogNorm() {
        return meanLogSingular[0];
    }

    /** Mean log ||P||_2 / k: the exponential growth (or decay) rate per step of the window's norm. */
    public double ratePerStep() {
        return meanLogSingular[0] / length;
    }
}
