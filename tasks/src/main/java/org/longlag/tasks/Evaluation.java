package org.longlag.tasks;

import java.util.SplittableRandom;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Scores a model on fresh, seeded test data from its task. */
public final class Evaluation {

    /**
     * Sequence-steps per forward chunk. The forward keeps every step's record of the whole chunk
     * (an LSTM with 40 units: about 1.2 kB per sequence-step), so 10,000 test sequences of length
     * 500 in one piece needed over 6 GB; in chunks of this many sequence-steps, about 250 MB.
     */
    static final long CHUNK_STEPS = 200_000;

    private Evaluation() {
    }

    /**
     * Generates {@code samples} test sequences from {@code seed} (independent of any training
     * stream) and scores the model's outputs on them.
     */
    public static TaskScore evaluate(SequenceModel model, Task task, int samples, long seed) {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        DataSet data = task.next(samples, new SplittableRandom(seed));
        return task.score(output(model, data.getFeatures()), data);
    }

    /** The model's outputs [batch, outputs, time] for features [batch, inputs, time], computed in chunks of sequences. */
    static INDArray output(SequenceModel model, INDArray features) {
        long batch = features.size(0), length = Math.max(1, features.size(2));
        int chunk = (int) Math.max(1, Math.min(batch, CHUNK_STEPS / length));
        if (chunk >= batch) return model.output(features);
        INDArray[] parts = new INDArray[(int) ((batch + chunk - 1) / chunk)];
        for (int i = 0; i < parts.length; i++) {
            long from = (long) i * chunk, to = Math.min(batch, from + chunk);
            parts[i] = model.output(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()).dup());
        }
        return Nd4j.concat(0, parts);
    }
}
