package org.longlag.tasks.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of overrides a suite is run with ({@code --budget NAME}). Its keys win over the
 * suite's own settings, over per-model and per-task training keys: a budget is a protocol. Its
 * entries for single models or tasks (by label) win over its general keys, so one budget can give
 * memory tasks and a reconstruction task each their own protocol.
 *
 * @param name         "quick", "paper" or a name the suite file defines under "budgets"
 * @param description  what the budget means, in words (shown in help and reports)
 * @param training     training keys to force (steps, batch, optimizer, lr, final-lr, clip, truncation)
 * @param evaluation   evaluation keys to force (every, validation-samples, test-samples, stop-when-solved)
 * @param modelOptions model options to force on every model whose kind has them (e.g. hidden)
 * @param seeds        seeds to run instead of the suite's (and the tasks' own), or empty to keep them
 * @param lags         lags to run on every memory task instead of the suite's, or empty to keep them
 * @param models       keys for single models, by label: options and training
 * @param tasks        keys for single tasks, by label: options, lags, seeds, training and evaluation
 */
public record Budget(String name, String description, Map<String, Object> training, Map<String, Object> evaluation,
                     Map<String, Object> modelOptions, List<Long> seeds, List<Integer> lags,
                     Map<String, ModelKeys> models, Map<String, TaskKeys> tasks) {

    public static final List<String> KEYS = List.of("description", "training", "evaluation", "model-options", "seeds", "lags", "models", "tasks");

    /** A budget's keys for one model. */
    public record ModelKeys(Map<String, Object> options, Map<String, Object> training) {
        public static final List<String> KEYS = List.of("options", "training");
        public static final ModelKeys NONE = new ModelKeys(Map.of(), Map.of());

        public ModelKeys {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        }
    }

    /** A budget's keys for one task. */
    public record TaskKeys(Map<String, Object> options, List<Integer> lags, List<Long> seeds, Map<String, Object> training,
                           Map<String, Object> evaluation) {
        public static final List<String> KEYS = List.of("options", "lags", "seeds", "training", "evaluation");
        public static final TaskKeys NONE = new TaskKeys(Map.of(), List.of(), List.of(), Map.of(), Map.of());

        public TaskKeys {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            lags = List.copyOf(lags);
            seeds = List.copyOf(seeds);
            training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
            evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
        }
    }

    public Budget {
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
        modelOptions = Collections.unmodifiableMap(new LinkedHashMap<>(modelOptions));
        seeds = List.copyOf(seeds);
        lags = List.copyOf(lags);
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models == null ? Map.of() : models));
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks == null ? Map.of() : tasks));
    }

    /** A budget without keys for single models or tasks. */
    public Budget(String name, String description, Map<String, Object> training, Map<String, Object> evaluation,
                  Map<String, Object> modelOptions, List<Long> seeds, List<Integer> lags) {
        this(name, description, training, evaluation, modelOptions, seeds, lags, Map.of(), Map.of());
    }

    /** The keys for the model labelled {@code label} (none if the budget has none). */
    public ModelKeys model(String label) {
        return models.getOrDefault(label, ModelKeys.NONE);
    }

    /** The keys for the task labelled {@code label} (none if the budget has none). */
    public TaskKeys task(String label) {
        return tasks.getOrDefault(label, TaskKeys.NONE);
    }

    /** A built-in budget by name: "quick" or "paper". */
    public static Budget named(String name) {
        switch (name) {
            case "quick": return quick();
            case "paper": return paper();
            default: throw new SuiteException("unknown budget '" + name + "'; built-in budgets: quick, paper");
        }
    }

    /** The suite as written. */
    public static Budget quick() {
        return new Budget("quick", "the suite as written", Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * The reg-PLRNN protocol (Schmidt, Koppe, Monfared, Beutelspacher and Durstewitz, ICLR 2021;
     * reference code DurstewitzLab/reg-PLRNN, benchmark_run/main.py, gdplrnn/training.py,
     * gdplrnn/datasets.py): M = 40 latent units, Adam with learning rate 1e-3, gradient-norm
     * clipping at 3, batches of 500, 200 epochs of 100,000 training sequences (40,000 updates),
     * scored on 10,000 test sequences after every epoch, no early stop. The subspace
     * regularization (half the units, tau = 5) is the rplrnn kind's default. Hours per run at
     * long lags on 2 cores.
     */
    public static Budget paper() {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", 40_000);
        training.put("batch", 500);
        training.put("optimizer", "adam");
        training.put("lr", 1e-3);
        training.put("final-lr", 0.0);
        training.put("clip", 3.0);
        training.put("truncation", 0);
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("every", 200);
        evaluation.put("validation-samples", 2000);
        evaluation.put("test-samples", 10_000);
        evaluation.put("stop-when-solved", false);
        return new Budget("paper", "reg-PLRNN protocol (Schmidt et al. 2021): hidden 40, Adam 1e-3, clip 3, batch 500, "
                + "40,000 updates (200 epochs x 100,000 sequences), 10,000 test sequences, no early stop (hours)",
                training, evaluation, Map.of("hidden", 40), List.of(), List.of());
    }
}
