package org.longlag.bench;

import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.train.BatchSource;
import org.longlag.tasks.Task;
import org.nd4j.linalg.dataset.api.DataSet;

/** The same batch every step, as the PyTorch reference does, so only the training step is timed. */
final class FixedBatch implements BatchSource {

    private final DataSet batch;
    private final LossFunction loss;

    FixedBatch(Task task, int size, long seed) {
        this.batch = task.next(size, new SplittableRandom(seed));
        this.loss = task.loss();
    }

    DataSet batch() {
        return batch;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size != batch.numExamples()) throw new IllegalArgumentException("fixed batch has " + batch.numExamples() + " sequences, asked for " + size);
        return batch;
    }

    @Override
    public LossFunction loss() {
        return loss;
    }
}
