package org.longlag.models.train;

/**
 * How training ended.
 *
 * @param steps      updates done
 * @param sequences  sequences seen
 * @param seconds    wall time
 * @param lastLoss   loss of the last batch
 * @param stopReason why it stopped early ("" if it ran all steps)
 */
public record TrainingResult(int steps, long sequences, double seconds, double lastLoss, String stopReason) {
}
