package org.longlag.tasks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.longlag.tasks.experiment.Experiment;

/**
 * One run of a suite, fully resolved.
 *
 * @param key           stable identity of the run ({@link RunKey})
 * @param modelLabel    the model's label in the suite
 * @param taskLabel     the task's label in the suite
 * @param trainingLabel the training setting's label ("" when the suite has one)
 * @param memoryTask    whether the task has a lag axis
 * @param lag           the lag (memory tasks), or 0
 * @param experiment    the experiment (its thread count is set by the runner)
 * @param gradientNorms how the run measures gradient norms against lag
 * @param resolved      the resolved configuration the key is computed from
 * @param cost          a rough relative cost (steps x batch x sequence length x hidden^2), for scheduling and progress
 */
public record SuiteRun(String key, String modelLabel, String taskLabel, String trainingLabel, boolean memoryTask, int lag,
                       Experiment experiment, GradientNormSettings gradientNorms, Map<String, Object> resolved, double cost) {

    public SuiteRun {
        resolved = Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
    }

    /** e.g. "lstm/addition/lag=100/seed=1" (plus "/" and the training label when there is one). */
    public String id() {
        return modelLabel + "/" + taskLabel + (memoryTask ? "/lag=" + lag : "") + (trainingLabel.isEmpty() ? "" : "/" + trainingLabel)
                + "/seed=" + experiment.seed();
    }

    public long seed() {
        return experiment.seed();
    }

    /** The experiment trained with {@code threads} threads. */
    public Experiment withThreads(int threads) {
        Experiment e = experiment;
        return new Experiment(e.model(), e.modelOptions(), e.task(), e.taskOptions(), e.training().withThreads(threads), e.evaluation(), e.seed());
    }
}
