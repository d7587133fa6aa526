package org.longlag.tasks.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.train.TrainingConfig;

/**
 * One run: a model kind and its options, a task kind and its options (including "lag"), how to
 * train, how to evaluate, and the seed everything random derives from. Its JSON form is the
 * "resolved configuration" stored beside every result.
 *
 * <p>The run's seed is the one seed a caller chooses: this record derives from it, in one place
 * ({@link #seeds}), the seeds of the model's initialization, the training batches, the validation
 * and the test data, and puts the training one into {@code training} (whatever seed the given
 * config had), so that the config a result stores is the one that trained.
 *
 * @param model        model kind name ("lstm", ...)
 * @param modelOptions options given for the model (defaults are filled in when the model is built)
 * @param task         task kind name ("addition", ...)
 * @param taskOptions  options given for the task, e.g. {lag: 100}
 * @param training     training settings; its seed is {@code seeds().training()}
 * @param evaluation   validation/test settings
 * @param seed         the run's seed
 */
public record Experiment(String model, Map<String, Object> modelOptions, String task, Map<String, Object> taskOptions,
                         TrainingConfig training, EvaluationConfig evaluation, long seed) {

    public Experiment {
        CellChecks.notNull("model", model);
        CellChecks.notNull("task", task);
        CellChecks.notNull("training", training);
        CellChecks.notNull("evaluation", evaluation);
        modelOptions = Collections.unmodifiableMap(new LinkedHashMap<>(modelOptions == null ? Map.of() : modelOptions));
        taskOptions = Collections.unmodifiableMap(new LinkedHashMap<>(taskOptions == null ? Map.of() : taskOptions));
        training = training.withSeed(Seeds.of(seed).training());
    }

    /** The seeds of one run, each an independent stream split from the run's seed. */
    public record Seeds(long model, long training, long validation, long test) {
        public static Seeds of(long seed) {
            SplittableRandom root = new SplittableRandom(seed);
            return new Seeds(root.split().nextLong(), root.split().nextLong(), root.split().nextLong(), root.split().nextLong());
        }
    }

    /** The seeds derived from {@link #seed}. */
    public Seeds seeds() {
        return Seeds.of(seed);
    }

    /** The same run trained with {@code config} (its seed replaced as always). */
    public Experiment withTraining(TrainingConfig config) {
        return new Experiment(model, modelOptions, task, taskOptions, config, evaluation, seed);
    }

    /** The same run evaluated with {@code config}. */
    public Experiment withEvaluation(EvaluationConfig config) {
        return new Experiment(model, modelOptions, task, taskOptions, training, config, seed);
    }

    /** A short identifier, e.g. "lstm/addition/lag=100/seed=1". */
    public String id() {
        Object lag = taskOptions.get("lag");
        return model + "/" + task + (lag == null ? "" : "/lag=" + lag) + "/seed=" + seed;
    }
}
