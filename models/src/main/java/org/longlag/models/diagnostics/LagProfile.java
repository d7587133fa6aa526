package org.longlag.models.diagnostics;

/**
 * Per-lag gradient norms averaged over probe batches: {@code meanNorm[k]} is the mean over batches
 * of ||dL/dz_{T-1-k}||, the norm of the gradient of the batch-mean loss with respect to the whole
 * state (all samples of the batch, all state parts) k steps before the batch's last loss step.
 *
 * @param meanNorm   by lag k = 0..length-1
 * @param meanLoss   mean loss of the probe batches (without the cell's regularization)
 * @param batches    batches averaged
 * @param batchSize  sequences per batch
 */
public record LagProfile(double[] meanNorm, double meanLoss, int batches, int batchSize) {

    public LagProfile {
        meanNorm = meanNorm.clone();
    }

    @Override
    public double[] meanNorm() {
        return meanNorm.clone();
    }

    /** Number of lags, 0..length-1. */
    public int length() {
        return meanNorm.length;
    }

    public double norm(int lag) {
        return meanNorm[lag];
    }

    /** Exponential rate fit of the norm over lags [from, to]. */
    public RateFit fit(int from, int to) {
        return RateFit.ofValues(meanNorm, from, to);
    }
}
