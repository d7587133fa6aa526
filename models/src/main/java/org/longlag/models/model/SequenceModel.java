package org.longlag.models.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.loss.LossFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A recurrent sequence model: a {@link ModelSpec} and its parameter values.
 *
 * <p>The parameters live in one flat ND4J vector (what optimizers and files see) mirrored into
 * per-block Java matrices (what the compute kernels read). Every change goes through
 * {@link #setParameters}, which keeps the two in step. Methods that compute run single-threaded;
 * the {@link org.longlag.models.train.Trainer} shards batches over threads.
 */
public final class SequenceModel {

    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final INDArray params;
    private final Parameters weights;
    private ShardWorker worker;

    private SequenceModel(ModelSpec spec, INDArray params) {
        this.spec = spec;
        this.layout = spec.layout();
        this.params = params;
        this.weights = Parameters.zeros(layout, spec.precision(), true);
        pushToWeights();
    }

    /** A new model with parameters initialized from {@code seed} (split per component). */
    public static SequenceModel create(ModelSpec spec, long seed) {
        ParameterLayout layout = spec.layout();
        Parameters w = Parameters.zeros(layout, spec.precision(), true);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom cellRng = root.split(), readoutRng = root.split(), initRng = root.split();
        spec.cell().initialize(w.view(0), cellRng);
        spec.readout().initialize(w.view(spec.readoutBlock()), spec.cell().outputSize(), readoutRng);
        spec.initialState().initialize(w.view(spec.initialStateBlock()), spec.cell().stateParts(), initRng);
        double[] flat = new double[layout.size()];
        w.store(flat);
        return new SequenceModel(spec, Nd4j.createFromArray(flat).castTo(spec.precision().dataType()).reshape(1, flat.length));
    }

    /** A model with the given parameter values (copied). */
    public static SequenceModel of(ModelSpec spec, INDArray params) {
        SequenceModel m = create(spec, 0);
        m.setParameters(params);
        return m;
    }

    public ModelSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public int parameterCount() {
        return layout.size();
    }

    /** A copy of the flat parameter vector [1, P]. */
    public INDArray parameters() {
        return params.dup();
    }

    /** Replaces every parameter (values copied); rejects wrong length and non-finite values. */
    public void setParameters(INDArray values) {
        if (values.length() != layout.size()) {
            throw new IllegalArgumentException("parameter vector has " + values.length() + " values, the model has " + layout.size());
        }
        INDArray v = values.reshape(1, layout.size()).castTo(spec.precision().dataType());
        if (!Double.isFinite(v.sumNumber().doubleValue()) || !Double.isFinite(v.norm2Number().doubleValue())) {
            throw new IllegalArgumentException("parameter vector contains NaN or infinite values");
        }
        params.assign(v);
        pushToWeights();
    }

    private void pushToWeights() {
        weights.load(params.data().asDouble());
    }

    /**
     * The per-block matrices the kernels read (with transposes). Treat as read-only: write through
     * {@link #setParameters}.
     */
    public Parameters weights() {
        return weights;
    }

    private ShardWorker worker() {
        if (worker == null) worker = new ShardWorker(spec, Bptt.FULL);
        return worker;
    }

    /**
     * Outputs y_t at every step, [batch, outputs, time], for features [batch, inputs, time]. Rows
     * are run in chunks (at most {@link #OUTPUT_CHUNK_ROWS}, fewer for long sequences and large
     * states), since a forward pass keeps every step's state: 2000 NTM sequences of 241 steps would
     * need about 6 GB at once, 10,000 LSTM sequences of length 500 over 6 GB. The outputs do not
     * depend on the chunking (rows never mix).
     */
    public INDArray output(INDArray features) {
        return output(features, outputChunkRows((int) features.size(2)));
    }

    /** As {@link #output(INDArray)}, running {@code chunkRows} sequences at a time. */
    INDArray output(INDArray features, int chunkRows) {
        SequenceBatch batch = SequenceBatch.of(features, null, null);
        double[] out = new double[batch.size() * spec.outputSize() * batch.length()];
        ShardWorker w = new ShardWorker(spec, Bptt.FULL); // its step memory is garbage after the call
        for (int from = 0; from < batch.size(); from += chunkRows) {
            w.output(weights, batch, from, Math.min(batch.size(), from + chunkRows), out);
        }
        return Nd4j.create(out, new long[] {batch.size(), spec.outputSize(), batch.length()}, 'c');
    }

    /** Most rows {@link #output} runs at once. */
    public static final int OUTPUT_CHUNK_ROWS = 64;

    /** Values a forward pass may hold per chunk (2^25 values: 128 MB in float32), states and step records. */
    private static final long OUTPUT_CHUNK_VALUES = 1L << 25;

    /** Rows per chunk for sequences of {@code steps} steps: states plus records, estimated as 3x the state. */
    public int outputChunkRows(int steps) {
        long perRow = 0;
        for (int size : spec.cell().stateSizes()) perRow += size;
        perRow *= 3L * Math.max(1, steps);
        return (int) Math.max(1, Math.min(OUTPUT_CHUNK_ROWS, OUTPUT_CHUNK_VALUES / Math.max(1, perRow)));
    }

    /** Mean loss over the masked (sample, step) pairs of a data set, plus the cell's regularization. */
    public double loss(DataSet data, LossFunction loss) {
        return lossAndGradient(data, loss).loss();
    }

    /** Mean loss (as {@link #loss}) and its gradient as a flat vector [1, P] (single-threaded). */
    public LossAndGradient lossAndGradient(DataSet data, LossFunction loss) {
        SequenceBatch batch = SequenceBatch.of(data);
        double n = batch.maskSum(0, batch.size());
        if (n == 0) throw new IllegalArgumentException("the labels mask selects no step");
        ShardWorker w = worker();
        double value = w.lossAndGradient(weights, batch, 0, batch.size(), 1.0 / n, loss);
        value += spec.cell().regularization(weights.view(0), w.gradient().view(0));
        double[] flat = new double[layout.size()];
        w.gradient().store(flat);
        return new LossAndGradient(value, Nd4j.createFromArray(flat).reshape(1, flat.length));
    }

    /** A loss value and the flat gradient [1, P] (float64). */
    public record LossAndGradient(double loss, INDArray gradient) {
    }

    /** Writes the model (spec and parameters) to one file, atomically. */
    public void save(Path file) throws IOException {
        ModelFile.write(file, this);
    }

    /** Reads a model written by {@link #save}; a truncated or foreign file gets a clear error. */
    public static SequenceModel load(Path file) throws IOException {
        return ModelFile.read(file);
    }
}
