package org.longlag.models.train;

/**
 * What one training step did.
 *
 * @param step         1-based update number
 * @param loss         mean loss of the batch (including regularization), before the update
 * @param gradientNorm global gradient norm before clipping
 * @param sequences    sequences seen so far
 * @param elapsedNanos wall time since training started
 */
public record StepReport(int step, double loss, double gradientNorm, long sequences, long elapsedNanos) {

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
