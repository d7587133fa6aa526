package org.longlag.tasks.dsr;

import org.longlag.tasks.TaskScore;

/**
 * A reconstruction's evaluation: the score and the trajectories it compared.
 *
 * @param score     metrics "dstsp", "dh", "prediction_error" and "error" (= dstsp)
 * @param generated the model's free run from the first test point, after the transient, on the
 *                  standardized scale (NaN rows where it left the finite numbers)
 * @param truth     the standardized test trajectory
 */
public record ReconstructionEvaluation(TaskScore score, double[][] generated, double[][] truth) {
}
