package org.longlag.tasks;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds one batch of sequences in the layout every longlag task hands out: features
 * [batch, inputs, time], labels [batch, outputs, time] and, where the loss does not apply at every
 * step, a labels mask [batch, time] that is 1 exactly where it does. Tasks say what is where, by
 * sequence, step and channel ({@link #input}, {@link #oneHotInput}, {@link #target},
 * {@link #oneHotTarget}, {@link #lossAt}); the builder owns the layout, so no task computes an
 * offset into an array itself. Everything not set is 0, in float32, as the engine reads it.
 *
 * <p>Sequences of different lengths ({@link #padded}) share the batch padded at the end to the
 * longest: a sequence's steps past its length stay zero in inputs and targets and outside the
 * mask, and writing there is refused (a protocol that does is wrong, not padded).
 *
 * <p>One builder builds one batch: after {@link #build()} it refuses further writes.
 */
public final class SequenceBatchBuilder {

    private final int size;
    private final int inputs;
    private final int outputs;
    private final int steps;
    private final int[] lengths;
    private final boolean masked;
    private final float[] x;
    private final float[] y;
    private final float[] mask;
    private boolean built;

    private SequenceBatchBuilder(int[] lengths, int inputs, int outputs, boolean masked) {
        if (lengths.length < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + lengths.length);
        if (inputs < 1) throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        if (outputs < 1) throw new IllegalArgumentException("outputs must be at least 1, got " + outputs);
        int longest = 0;
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 1) throw new IllegalArgumentException("sequence " + b + " has length " + lengths[b] + "; lengths must be at least 1");
            longest = Math.max(longest, lengths[b]);
        }
        this.size = lengths.length;
        this.inputs = inputs;
        this.outputs = outputs;
        this.steps = longest;
        this.lengths = lengths.clone();
        this.masked = masked;
        long cells = (long) size * Math.max(inputs, outputs) * steps;
        if (cells > Integer.MAX_VALUE) throw new IllegalArgumentException("a batch of " + size + " x " + Math.max(inputs, outputs) + " x " + steps + " values is too large");
        this.x = new float[size * inputs * steps];
        this.y = new float[size * outputs * steps];
        this.mask = masked ? new float[size * steps] : null;
    }

    /**
     * A batch of {@code size} sequences of {@code steps} steps whose loss applies only where
     * {@link #lossAt} marks it.
     */
    public static SequenceBatchBuilder masked(int size, int inputs, int outputs, int steps) {
        return new SequenceBatchBuilder(filled(size, steps), inputs, outputs, true);
    }

    /**
     * A batch of sequences of the given lengths, padded at the end to the longest, whose loss
     * applies only where {@link #lossAt} marks it (never on padding).
     */
    public static SequenceBatchBuilder padded(int[] lengths, int inputs, int outputs) {
        if (lengths == null) throw new IllegalArgumentException("lengths must be given");
        return new SequenceBatchBuilder(lengths, inputs, outputs, true);
    }

    /**
     * A batch of {@code size} sequences of {@code steps} steps whose loss applies at every step of
     * every sequence: the data set has no labels mask (which DL4J and the trainer read as "all
     * steps"), and {@link #lossAt} is refused.
     */
    public static SequenceBatchBuilder unmasked(int size, int inputs, int outputs, int steps) {
        return new SequenceBatchBuilder(filled(size, steps), inputs, outputs, false);
    }

    private static int[] filled(int size, int steps) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        int[] l = new int[size];
        java.util.Arrays.fill(l, steps);
        return l;
    }

    /** Sequences in the batch. */
    public int size() {
        return size;
    }

    /** Steps of the batch: the longest sequence's length. */
    public int steps() {
        return steps;
    }

    /** The length of sequence {@code b}. */
    public int length(int b) {
        checkSequence(b);
        return lengths[b];
    }

    /** Sets input channel {@code channel} of sequence {@code b} at step {@code t} (stored as float32). */
    public SequenceBatchBuilder input(int b, int t, int channel, double value) {
        x[inputIndex(b, t, channel)] = (float) value;
        return this;
    }

    /** The input as stored (float32): what a model will see, for targets computed from it. */
    public float inputAt(int b, int t, int channel) {
        return x[inputIndex(b, t, channel)];
    }

    /** Sets input channel {@code symbol} of sequence {@code b} at step {@code t} to 1: a symbol given one-hot. */
    public SequenceBatchBuilder oneHotInput(int b, int t, int symbol) {
        return input(b, t, symbol, 1);
    }

    /** Sets target {@code output} of sequence {@code b} at step {@code t} (stored as float32). */
    public SequenceBatchBuilder target(int b, int t, int output, double value) {
        y[targetIndex(b, t, output)] = (float) value;
        return this;
    }

    /** Sets target {@code cls} of sequence {@code b} at step {@code t} to 1: a class given one-hot. */
    public SequenceBatchBuilder oneHotTarget(int b, int t, int cls) {
        return target(b, t, cls, 1);
    }

    /** Marks step {@code t} of sequence {@code b} as one where the loss applies. */
    public SequenceBatchBuilder lossAt(int b, int t) {
        if (!masked) throw new IllegalStateException("this batch's loss applies at every step: it has no mask to mark");
        checkStep(b, t);
        checkOpen();
        mask[b * steps + t] = 1;
        return this;
    }

    /** The batch: features, labels and (unless {@link #unmasked}) the labels mask. */
    public DataSet build() {
        checkOpen();
        built = true;
        long[] in = {size, inputs, steps}, out = {size, outputs, steps};
        return new DataSet(Nd4j.create(x, in, 'c'), Nd4j.create(y, out, 'c'), null,
                masked ? Nd4j.create(mask, new long[] {size, steps}, 'c') : null);
    }

    private int inputIndex(int b, int t, int channel) {
        checkStep(b, t);
        if (channel < 0 || channel >= inputs) throw new IllegalArgumentException("input channel " + channel + " outside 0.." + (inputs - 1));
        checkOpen();
        return (b * inputs + channel) * steps + t;
    }

    private int targetIndex(int b, int t, int output) {
        checkStep(b, t);
        if (output < 0 || output >= outputs) throw new IllegalArgumentException("output " + output + " outside 0.." + (outputs - 1));
        checkOpen();
        return (b * outputs + output) * steps + t;
    }

    private void checkSequence(int b) {
        if (b < 0 || b >= size) throw new IllegalArgumentException("sequence " + b + " outside a batch of " + size);
    }

    private void checkStep(int b, int t) {
        checkSequence(b);
        if (t < 0 || t >= lengths[b]) {
            throw new IllegalArgumentException("step " + t + " outside sequence " + b + " of length " + lengths[b]
                    + (lengths[b] < steps ? " (its steps from " + lengths[b] + " on are padding)" : ""));
        }
    }

    private void checkOpen() {
        if (built) throw new IllegalStateException("this batch was built; a builder builds one batch");
    }
}
