package org.longlag.tasks;

import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.train.BatchSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * A synthetic sequence task: it generates seeded batches in DL4J's {@code [batch, features, time]}
 * layout (labels [batch, outputs, time] with a labels mask marking where the loss applies), knows
 * its loss, scores a model's outputs, and states its chance (memoryless) baseline.
 */
public interface Task extends BatchSource {

    /** Short name, e.g. "addition". */
    String name();

    /** Input and output widths and the lag the task asks a model to bridge. */
    TaskShape shape();

    /**
     * Scores model outputs for a data set this task generated.
     *
     * @param outputs model outputs [batch, outputs, time] for {@code data}'s features
     */
    TaskScore score(INDArray outputs, DataSet data);

    /** The resolved configuration of this task, for result files. */
    Object config();

    /**
     * Scores a model on held-out data this task generated. By default the model's outputs on the
     * data's features, scored by {@link #score}; tasks whose evaluation runs the model in another
     * way (reconstruction: free generation from a held-out trajectory) override it.
     */
    default TaskScore evaluate(SequenceModel model, DataSet data) {
        return score(model.output(data.getFeatures()), data);
    }

    /**
     * The final held-out test of a trained model: {@link Evaluation#evaluate} on {@code samples}
     * fresh sequences drawn from {@code seed}, and, when {@code artifacts} is not null, files that
     * show how the model did there (by default none; reconstruction writes its freely generated and
     * the true trajectory), from the same evaluation.
     */
    default TaskScore test(SequenceModel model, int samples, long seed, ArtifactSink artifacts) throws java.io.IOException {
        return Evaluation.evaluate(model, this, samples, seed);
    }

    /**
     * The model a kind built for this task, adapted to what the task needs (e.g. the identity
     * observation model of reconstruction); by default unchanged.
     */
    default ModelSpec adapt(ModelSpec spec) {
        return spec;
    }

    /**
     * Variants scored after training to measure generalization beyond the training distribution
     * (the copy task at lengths 30, 50, 120), by name; empty for most tasks.
     */
    default java.util.Map<String, Task> generalizationTasks() {
        return java.util.Map.of();
    }

    /**
     * The vocabulary size of a token task: present when every step of every sequence is one
     * symbol out of this many, given one-hot on {@code shape().inputSize()} channels (symbol k on
     * channel k; steps past a padded sequence's end all zero), so that a model kind may put an
     * embedding of the symbols in front of its cell instead of reading the one-hot features (the
     * symbol at a step is the features' argmax there). Empty for tasks whose inputs are not
     * symbols (the default); the features stay one-hot either way.
     */
    default java.util.OptionalInt vocabulary() {
        return java.util.OptionalInt.empty();
    }

    /**
     * Where training batches come from: this task itself, unless the task draws training batches
     * differently from the sets it is validated and tested on (the copy task can give all
     * sequences of a training batch one length). Validation and test sets always come from
     * {@link #next}.
     */
    default BatchSource trainingBatches() {
        return this;
    }
}
