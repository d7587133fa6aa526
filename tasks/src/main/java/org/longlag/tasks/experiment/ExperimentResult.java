package org.longlag.tasks.experiment;

import java.util.List;
import java.util.Map;
import org.longlag.models.model.ModelSpec;
import org.longlag.tasks.TaskScore;

/**
 * Everything a run produced, with the resolved configuration that produced it.
 *
 * @param experiment     the run as given
 * @param modelSettings  the model's resolved options (defaults filled in)
 * @param taskSettings   the task's resolved options
 * @param modelSpec      the exact model built
 * @param parameterCount its number of parameters
 * @param trainingSeed   the seed of the training batch stream (derived from the run's seed)
 * @param modelSeed      the seed of the model's initialization (derived)
 * @param steps          updates done
 * @param sequences      sequences seen
 * @param seconds        training wall time
 * @param stopReason     why training stopped early ("" when all steps ran)
 * @param test           final score on the test set
 * @param generalization scores on the task's generalization variants (e.g. copy at length 120), by name
 * @param firstSolvedStep step at which validation first met the criterion, or -1
 * @param history        validation scores during training
 * @param environment    Java version, threads, longlag version
 * @param diverged       non-empty if training stopped on a NaN/Inf (the message)
 * @param artifacts      files the task's test wrote (e.g. a reconstruction's trajectories), artifact
 *                       name to file name inside the run's artifact directory; empty when none was given
 * @param resumedFrom    the saved run this one went on from, or null for a run from initialization
 */
public record ExperimentResult(Experiment experiment, Map<String, Object> modelSettings, Map<String, Object> taskSettings,
                               ModelSpec modelSpec, int parameterCount, long trainingSeed, long modelSeed,
                               int steps, long sequences, double seconds, String stopReason, TaskScore test,
                               Map<String, TaskScore> generalization,
                               int firstSolvedStep, List<EvaluationPoint> history, Map<String, String> environment,
                               String diverged, Map<String, String> artifacts, ResumedFrom resumedFrom) {

    public ExperimentResult {
        artifacts = artifacts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(artifacts));
    }

    /** The stop reason of a run that stopped because its validation met the task's criterion. */
    public static String solvedAt(int step) {
        return "solved at step " + step;
    }

    /**
     * Whether training ended as planned: all its updates, or stopped once solved; false when it
     * diverged or stopped for another reason (e.g. a checkpoint that could not be written).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean completed() {
        return diverged.isEmpty() && (stopReason.isEmpty() || stopReason.equals(solvedAt(firstSolvedStep)));
    }
}
