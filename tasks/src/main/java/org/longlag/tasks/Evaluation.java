package org.longlag.tasks;

import java.util.SplittableRandom;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.dataset.api.DataSet;

/** Scores a model on fresh, seeded test data from its task. */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Generates {@code samples} test sequences from {@code seed} (independent of any training
     * stream) and scores the model on them ({@link Task#evaluate}).
     */
    public static TaskScore evaluate(SequenceModel model, Task task, int samples, long seed) {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        DataSet data = task.next(samples, new SplittableRandom(seed));
        return task.evaluate(model, data);
    }
}
