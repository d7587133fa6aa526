package org.longlag.tasks.experiment;

/**
 * How a run is evaluated.
 *
 * @param every            evaluate on the validation set every this many steps (0: only at the end)
 * @param validationSamples validation sequences (fixed for the run)
 * @param testSamples      test sequences for the final score (fixed for the run, never seen before)
 * @param stopWhenSolved   end training early once the validation score meets the task's criterion
 */
public record EvaluationConfig(int every, int validationSamples, int testSamples, boolean stopWhenSolved) {

    public EvaluationConfig {
        if (every < 0) throw new IllegalArgumentException("every must be 0 or positive, got " + every);
        if (validationSamples < 1) throw new IllegalArgumentException("validationSamples must be at least 1, got " + validationSamples);
        if (testSamples < 1) throw new IllegalArgumentException("testSamples must be at least 1, got " + testSamples);
    }

    public static EvaluationConfig defaults() {
        return new EvaluationConfig(200, 500, 2000, true);
    }
}
