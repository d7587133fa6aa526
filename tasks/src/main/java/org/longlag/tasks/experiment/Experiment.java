package org.longlag.tasks.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.train.TrainingConfig;

/**
 * One run: a model kind and its options, a task kind and its options (including "lag"), how to
 * train, how to evaluate, and the seed everything random derives from. Its JSON form is the
 * "resolved configuration" stored beside every result.
 *
 * @param model        model kind name ("lstm", ...)
 * @param modelOptions options given for the model (defaults are filled in when the model is built)
 * @param task         task kind name ("addition", ...)
 * @param taskOptions  options given for the task, e.g. {lag: 100}
 * @param training     training settings; its seed is replaced by one derived from {@code seed}
 * @param evaluation   validation/test settings
 * @param seed         the run's seed: model initialization, training batches, validation and test
 *                     data each get an independent stream split from it
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
    }

    /** A short identifier, e.g. "lstm/addition/lag=100/seed=1". */
    public String id() {
        Object lag = taskOptions.get("lag");
        return model + "/" + task + (lag == null ? "" : "/lag=" + lag) + "/seed=" + seed;
    }
}
