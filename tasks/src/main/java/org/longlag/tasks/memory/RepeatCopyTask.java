package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Repeat copy (Graves, Wayne & Danihelka 2014, "Neural Turing Machines", section 4.2): a sequence
 * of L random {@code width}-bit vectors (bits Bernoulli(1/2)) and a repeat count R; the model must
 * output the sequence R times and then an end marker. The paper trains on 8-bit vectors with L and
 * R uniform in 1..10.
 *
 * <p>Layout: the L vectors at steps 0..L-1, a delimiter (input channel {@code width}) at step L,
 * the repeat count at step L + 1 on its own channel ({@code width + 1}), normalized as the paper
 * does to mean 0 and variance 1 over the training distribution: (R - mean) / std with the mean
 * (Rmin + Rmax)/2 and variance ((Rmax - Rmin + 1)^2 - 1)/12 of the uniform training counts (these
 * constants stay those of training for the generalization variants, so 20 repeats reads as more
 * than any trained count). Then L R + 1 output steps: the L vectors R times, then the end marker
 * on output channel {@code width} (all data bits 0). Inputs [batch, width + 2, time], outputs
 * width + 1 logits with binary cross-entropy on the output steps (labels mask), L (R + 1) + 3 steps
 * per sequence, padded at the end. Cost: wrong bits per sequence (all width + 1 outputs, thresholded
 * at 0.5), solved at or below {@code solvedBits}.
 *
 * <p>Chance: an output that ignores the sequence does best with all outputs 0 (data bits are fair
 * coins, so any guess is wrong half the time at the L R copy steps; 0 is right for the data bits at
 * the end step, and for the marker at L R of its L R + 1 steps): width L R / 2 + 1 wrong bits per
 * sequence in expectation, averaged over the data set's sequences (as the copy task, the level
 * follows the lengths and counts drawn).
 */
public final class RepeatCopyTask implements Task {

    private final int width;
    private final int minLength;
    private final int maxLength;
    private final int minRepeats;
    private final int maxRepeats;
    private final double solvedBits;
    private final double repeatMean;
    private final double repeatStd;

    /**
     * @param width      bits per vector (8 in the paper)
     * @param minLength  shortest sequence (1)
     * @param maxLength  longest sequence (10)
     * @param minRepeats fewest repeats (1)
     * @param maxRepeats most repeats (10)
     * @param solvedBits wrong bits per sequence at or below which the task counts as solved
     */
    public RepeatCopyTask(int width, int minLength, int maxLength, int minRepeats, int maxRepeats, double solvedBits) {
        this(width, minLength, maxLength, minRepeats, maxRepeats, solvedBits, (minRepeats + maxRepeats) / 2.0,
                trainingStd(minRepeats, maxRepeats));
    }

    private RepeatCopyTask(int width, int minLength, int maxLength, int minRepeats, int maxRepeats, double solvedBits,
                           double repeatMean, double repeatStd) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        if (minLength < 1) throw new IllegalArgumentException("min-length must be at least 1, got " + minLength);
        if (maxLength < minLength) throw new IllegalArgumentException("lag (the longest sequence) must be at least min-length " + minLength + ", got " + maxLength);
        if (minRepeats < 1) throw new IllegalArgumentException("min-repeats must be at least 1, got " + minRepeats);
        if (maxRepeats < minRepeats) throw new IllegalArgumentException("max-repeats must be at least min-repeats " + minRepeats + ", got " + maxRepeats);
        if (!(solvedBits >= 0)) throw new IllegalArgumentException("solved-bits must be non-negative, got " + solvedBits);
        this.width = width;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minRepeats = minRepeats;
        this.maxRepeats = maxRepeats;
        this.solvedBits = solvedBits;
        this.repeatMean = repeatMean;
        this.repeatStd = repeatStd;
    }

    /** The std of R uniform on minRepeats..maxRepeats; 1 if there is one count (nothing to normalize, the channel reads 0). */
    private static double trainingStd(int minRepeats, int maxRepeats) {
        double n = maxRepeats - minRepeats + 1;
        return n > 1 ? Math.sqrt((n * n - 1) / 12) : 1;
    }

    /** The paper's training distribution: 8 bits, lengths and repeats 1..10, solved below 0.1 wrong bits per sequence. */
    public static RepeatCopyTask graves2014() {
        return new RepeatCopyTask(8, 1, 10, 1, 10, 0.1);
    }

    @Override
    public String name() {
        return "repeat-copy";
    }

    /** The lag: from the first vector to its last copy and the end marker, L R + 2 steps at the training maxima. */
    @Override
    public TaskShape shape() {
        return new TaskShape(width + 2, width + 1, maxLength * maxRepeats + 2);
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
        m.put("min_repeats", minRepeats);
        m.put("max_repeats", maxRepeats);
        m.put("repeat_mean", repeatMean);
        m.put("repeat_std", repeatStd);
        m.put("solved_bits", solvedBits);
        return m;
    }

    /**
     * Longer sequences, more repeats and both, each twice the training maximum (the paper's 10:
     * length 20 with 10 repeats, length 10 with 20 repeats, length 20 with 20 repeats), with the
     * training normalization of the count.
     */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        int longer = 2 * maxLength, more = 2 * maxRepeats;
        m.put("length=" + longer + ",repeats=" + maxRepeats, fixed(longer, maxRepeats));
        m.put("length=" + maxLength + ",repeats=" + more, fixed(maxLength, more));
        m.put("length=" + longer + ",repeats=" + more, fixed(longer, more));
        return m;
    }

    private RepeatCopyTask fixed(int length, int repeats) {
        return new RepeatCopyTask(width, length, length, repeats, repeats, solvedBits, repeatMean, repeatStd);
    }

    /** The count as the repeat channel gives it. */
    double normalizedRepeats(int repeats) {
        return (repeats - repeatMean) / repeatStd;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int[] lengths = new int[size], repeats = new int[size], steps = new int[size];
        for (int b = 0; b < size; b++) {
            lengths[b] = minLength + rng.nextInt(maxLength - minLength + 1);
            repeats[b] = minRepeats + rng.nextInt(maxRepeats - minRepeats + 1);
            steps[b] = lengths[b] * (repeats[b] + 1) + 3;
        }
        SequenceBatchBuilder batch = SequenceBatchBuilder.padded(steps, width + 2, width + 1);
        for (int b = 0; b < size; b++) {
            int len = lengths[b], reps = repeats[b], out = len + 2;
            for (int t = 0; t < len; t++) {
                for (int k = 0; k < width; k++) {
                    if (!rng.nextBoolean()) continue;
                    batch.input(b, t, k, 1);
                    for (int r = 0; r < reps; r++) batch.target(b, out + r * len + t, k, 1);
                }
            }
            batch.input(b, len, width, 1); // delimiter
            batch.input(b, len + 1, width + 1, normalizedRepeats(reps));
            for (int t = out; t <= out + reps * len; t++) batch.lossAt(b, t);
            batch.target(b, out + reps * len, width, 1); // end marker
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        // a sequence's L R + 1 output steps hold width L R / 2 ones in expectation and the end marker
        return WrongBits.score(outputs, data, width + 1, solvedBits, outputSteps -> width * (outputSteps - 1) / 2 + 1);
    }

    @Override
    public String toString() {
        return "repeat-copy(width " + width + ", lengths " + minLength + ".." + maxLength + ", repeats " + minRepeats + ".." + maxRepeats + ")";
    }
}
