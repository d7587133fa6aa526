package org.longlag.tasks.experiment;

import java.util.Map;

/**
 * A validation score during training.
 *
 * @param step      update number
 * @param sequences sequences seen
 * @param seconds   wall time since training started
 * @param loss      training loss of that step's batch
 * @param metrics   validation metrics
 * @param solved    whether the validation score met the task's criterion
 */
public record EvaluationPoint(int step, long sequences, double seconds, double loss, Map<String, Double> metrics, boolean solved) {
}
