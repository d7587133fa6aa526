package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.train.BatchSource;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The copy task of Graves, Wayne & Danihelka 2014 (section 4.1): a sequence of L random
 * {@code width}-bit vectors (bits Bernoulli(1/2)), L uniform in [minLength, maxLength], then a
 * delimiter on an extra input channel, then L silent steps during which the model must reproduce the
 * sequence. Inputs [batch, width + 1, 2L + 1]; outputs are {@code width} logits per step with binary
 * cross-entropy on the L recall steps (labels mask). Cost: wrong bits per sequence after
 * thresholding the output probabilities at 0.5, as in the paper's learning curves.
 *
 * <p>Sequences of different length share a batch, padded at the end. Training batches can instead
 * draw one length per batch ({@link BatchLengths#SAME}, as Collier & Beel 2018's generator does):
 * no padding, so a batch of 32 costs about half the steps (mean 2 * 10.5 + 1 = 22 instead of
 * about 2 * 19.4 + 1 = 40 for the longest of 32 lengths drawn from 1..20). Validation and test
 * sets always mix lengths.
 */
public final class CopyTask implements Task {

    private final int width;
    private final int minLength;
    private final int maxLength;
    private final double solvedBits;
    private final BatchLengths trainingLengths;

    /** How the lengths of a training batch's sequences are drawn. */
    public enum BatchLengths {
        /** Each sequence its own length, the batch padded to the longest (as validation and test sets). */
        MIXED,
        /** One length for the whole batch (Collier & Beel 2018, MarkPKCollier/NeuralTuringMachine generate_data.py). */
        SAME;

        /** "mixed" or "same". */
        public static BatchLengths parse(String s) {
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "mixed": return MIXED;
                case "same": return SAME;
                default: throw new IllegalArgumentException("batch-lengths must be mixed or same, got '" + s + "'");
            }
        }
    }

    /**
     * @param width      bits per vector (8 in the paper)
     * @param minLength  shortest sequence (1 in the paper's training)
     * @param maxLength  longest sequence (20 in the paper's training)
     * @param solvedBits wrong bits per sequence at or below which the task counts as solved
     */
    public CopyTask(int width, int minLength, int maxLength, double solvedBits) {
        this(width, minLength, maxLength, solvedBits, BatchLengths.MIXED);
    }

    /**
     * As {@link #CopyTask(int, int, int, double)}, with the way training batches draw lengths.
     */
    public CopyTask(int width, int minLength, int maxLength, double solvedBits, BatchLengths trainingLengths) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        if (minLength < 1) throw new IllegalArgumentException("min-length must be at least 1, got " + minLength);
        if (maxLength < minLength) throw new IllegalArgumentException("lag (the longest sequence) must be at least min-length " + minLength + ", got " + maxLength);
        if (!(solvedBits >= 0)) throw new IllegalArgumentException("solved-bits must be non-negative, got " + solvedBits);
        this.width = width;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.solvedBits = solvedBits;
        if (trainingLengths == null) throw new IllegalArgumentException("batch-lengths must be mixed or same, got null");
        this.trainingLengths = trainingLengths;
    }

    /** The paper's training distribution: 8 bits, lengths 1..20, solved below 0.1 wrong bits per sequence. */
    public static CopyTask graves2014() {
        return new CopyTask(8, 1, 20, 0.1);
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(width + 1, width, maxLength + 1);
    }

    @Override
    public LossFunction loss() {
        return LossFunction.BINARY_CROSS_ENTROPY;
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", name());
        m.put("width", width);
        m.put("min_length", minLength);
        m.put("max_length", maxLength);
        m.put("solved_bits", solvedBits);
        m.put("training_batch_lengths", trainingLengths.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    /** Fixed lengths 30, 50 and 120, the paper's generalization tests (those at or below the training maximum are skipped). */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        for (int n : new int[] {30, 50, 120}) {
            if (n > maxLength) m.put("length=" + n, new CopyTask(width, n, n, solvedBits, trainingLengths));
        }
        return m;
    }

    /** Training batches: {@link #next}, or with {@link BatchLengths#SAME} one length drawn per batch. */
    @Override
    public BatchSource trainingBatches() {
        if (trainingLengths == BatchLengths.MIXED) return this;
        return new BatchSource() {
            @Override
            public DataSet next(int size, SplittableRandom rng) {
                return generate(size, rng, true);
            }

            @Override
            public LossFunction loss() {
                return CopyTask.this.loss();
            }
        };
    }

    /** A batch of sequences, each of its own length, padded to the longest. */
    @Override
    public DataSet next(int size, SplittableRandom rng) {
        return generate(size, rng, false);
    }

    private DataSet generate(int size, SplittableRandom rng, boolean oneLength) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int[] lengths = new int[size];
        int common = oneLength ? minLength + rng.nextInt(maxLength - minLength + 1) : 0;
        for (int b = 0; b < size; b++) lengths[b] = oneLength ? common : minLength + rng.nextInt(maxLength - minLength + 1);
        int[] steps = new int[size];
        for (int b = 0; b < size; b++) steps[b] = 2 * lengths[b] + 1;
        SequenceBatchBuilder batch = SequenceBatchBuilder.padded(steps, width + 1, width);
        for (int b = 0; b < size; b++) {
            int len = lengths[b];
            for (int t = 0; t < len; t++) {
                for (int k = 0; k < width; k++) {
                    double bit = rng.nextBoolean() ? 1 : 0;
                    batch.input(b, t, k, bit);
                    batch.target(b, len + 1 + t, k, bit);
                }
                batch.lossAt(b, len + 1 + t);
            }
            batch.input(b, len, width, 1); // delimiter
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        return WrongBits.score(outputs, data, width, solvedBits, this::chanceBits);
    }

    /** A memoryless predictor gets half the bits wrong: width/2 per recall step. */
    private double chanceBits(double meanLength) {
        return width * meanLength / 2;
    }

    @Override
    public String toString() {
        return "copy(width " + width + ", lengths " + minLength + ".." + maxLength
                + (trainingLengths == BatchLengths.SAME ? ", one length per training batch" : "") + ")";
    }
}
