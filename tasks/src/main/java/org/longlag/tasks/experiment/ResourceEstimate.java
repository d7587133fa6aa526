package org.longlag.tasks.experiment;

import java.util.Locale;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ParamBlock;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.TaskShape;

/**
 * What a run needs of the Java heap at least, estimated before anything is allocated, so that a
 * run that cannot fit is refused with one line naming the option to change instead of dying of an
 * {@code OutOfMemoryError} (or a negative array size) minutes later. Every count is taken in
 * {@code long} or {@code double}: sizes that overflow an {@code int} are found here too.
 *
 * <p>The estimate errs low, so that it does not refuse a run that fits: a sequence is taken to
 * have {@link TaskShape#maxLag()} steps (every task's sequences have at least that many; copy's
 * have about twice as many), a training step to keep, per sequence, its input, its new state and
 * a record the size of the state (an LSTM keeps about 3.5 states' worth, an NTM about 1.8), and
 * an evaluation's forward pass what {@link org.longlag.models.model.SequenceModel#output} budgets
 * for its chunks of at most 64 sequences (3 states per step, at most 128 MB). A run it lets
 * through can still run out of heap; the command line then says so in one line. Its parts:
 * <ul>
 *   <li>parameters: the model's weights with transposes, the trainer's two double vectors and one
 *       gradient per training thread (the optimizer's state lives outside the heap, in ND4J);</li>
 *   <li>activations: batch x steps x (input + 2 x state) values of the model's precision, and
 *       the batch itself in float32 (inputs, targets, mask);</li>
 *   <li>the validation set, kept for the whole run, and its outputs (doubles) while it is scored;</li>
 *   <li>the test set and its outputs, while the validation set is still held (or the largest of the
 *       task's generalization sets, scored after it on as many sequences).</li>
 * </ul>
 *
 * @param parameters      the model's parameter count (exact, in long)
 * @param parameterBytes  heap the parameters take in training
 * @param activationBytes the activations and data of one training batch
 * @param validationBytes the validation set and its outputs
 * @param testBytes       the test set and its outputs
 * @param largestArray    the most values one array of the run must hold (a batch, a data set, their outputs)
 * @param largestWhat     what that array is, with the options that size it
 */
public record ResourceEstimate(long parameters, double parameterBytes, double activationBytes, double validationBytes, double testBytes,
                               double largestArray, String largestWhat) {

    /** Values a Java array can hold. */
    static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    /** The estimate for a prepared run. */
    public static ResourceEstimate of(Experiment e, ExperimentRunner.Prepared p) {
        ModelSpec spec = p.spec();
        TaskShape shape = p.task().shape();
        long parameters = 0;
        ParameterLayout layout = spec.layout();
        for (ParamBlock b : layout.blocks()) parameters += (long) b.rows() * b.cols();
        double bytes = spec.precision() == Precision.FLOAT64 ? 8 : 4;
        int batch = e.training().batchSize();
        double workers = Math.min(e.training().threads(), batch);
        double steps = Math.max(1, shape.maxLag());
        double state = spec.cell().stateSize();
        double in = shape.inputSize(), out = shape.outputSize();

        double parameterBytes = parameters * (16 + bytes * (3 + workers));
        double dataPerSequence = steps * (in + out + 1) * 4;               // features, labels, mask in float32
        double outputsPerSequence = steps * out * 8;                      // outputs are gathered in doubles
        double activationBytes = batch * (steps * (in + 2 * state) * bytes + dataPerSequence);
        double chunk = Math.min(64, e.evaluation().validationSamples()) * steps * 3 * state * bytes; // a forward pass runs 64 rows at most
        double validationBytes = e.evaluation().validationSamples() * (dataPerSequence + outputsPerSequence) + Math.min(chunk, 1L << 27);
        double testBytes = e.evaluation().testSamples() * (dataPerSequence + outputsPerSequence) + Math.min(chunk, 1L << 27);
        for (org.longlag.tasks.Task g : p.task().generalizationTasks().values()) { // scored one after the other, on as many sequences
            TaskShape gs = g.shape();
            double gSteps = Math.max(1, gs.maxLag());
            double gChunk = Math.min(64, e.evaluation().testSamples()) * gSteps * 3 * state * bytes;
            testBytes = Math.max(testBytes, e.evaluation().testSamples() * gSteps * (gs.inputSize() + gs.outputSize() + 1 + gs.outputSize() * 2.0) * 4
                    + Math.min(gChunk, 1L << 27));
        }

        double width = Math.max(in, out);
        double[] arrays = {batch * width * steps, e.evaluation().validationSamples() * width * steps, e.evaluation().testSamples() * width * steps,
            (double) parameters};
        String[] names = {"a training batch (batch x sequence length x width: --batch, --lag)",
            "the validation set (validation samples x sequence length x width: --eval-samples, --lag)",
            "the test set (test samples x sequence length x width: --test-samples, --lag)",
            "the model's parameters (--hidden and the model's size options)"};
        int largest = 0;
        for (int i = 1; i < arrays.length; i++) if (arrays[i] > arrays[largest]) largest = i;
        return new ResourceEstimate(parameters, parameterBytes, activationBytes, validationBytes, testBytes, arrays[largest], names[largest]);
    }

    /** The peak: the parameters and the validation set, with training or with the test, whichever is larger. */
    public double totalBytes() {
        return parameterBytes + validationBytes + Math.max(activationBytes, testBytes);
    }

    /**
     * Refuses (IllegalArgumentException, one line) a run with more parameters or values in one
     * array than Java can index, or whose estimate exceeds {@code heapBytes}; names the part that
     * dominates and the options that size it.
     */
    public void check(long heapBytes) {
        if (parameters > ARRAY_LIMIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the model would have %.3g parameters, more than the %d a model "
                    + "can hold: lower --hidden or the model's size options", (double) parameters, ARRAY_LIMIT));
        }
        if (largestArray > ARRAY_LIMIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s would hold %.3g values, more than the %d a Java array can hold",
                    largestWhat, largestArray, ARRAY_LIMIT));
        }
        double total = totalBytes();
        if (total <= heapBytes) return;
        String part;
        double[] parts = {parameterBytes, activationBytes, validationBytes, testBytes};
        String[] what = {"the parameters (%s; lower --hidden or the model's size options)",
            "the training batch's activations (%s; lower --batch, --lag or --hidden)",
            "the validation set (%s; lower --eval-samples or --lag)",
            "the test set (%s; lower --test-samples or --lag)"};
        int top = 0;
        for (int i = 1; i < parts.length; i++) if (parts[i] > parts[top]) top = i;
        part = String.format(Locale.ROOT, what[top], size(parts[top]));
        throw new IllegalArgumentException("the run needs at least " + size(total) + " of Java heap, more than the " + size(heapBytes)
                + " there is; most of it is " + part + ", or give Java more heap (LONGLAG_JAVA_OPTS=-Xmx...)");
    }

    /** "3.2 GB", "512 MB", "40 kB". */
    static String size(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f %s", v, units[u]) : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
