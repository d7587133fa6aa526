package org.longlag.models.model;

import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.StateObjective;
import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.tensor.Mat;

/**
 * One thread's machinery for running a model on a slice of rows of a batch: the unroll memory,
 * its own gradient buffers and readout temporaries. Reused across batches; not thread-safe (one
 * per thread), while the weights it reads are shared read-only.
 *
 * <p>Teacher forcing is per call: the {@code Bptt} given at construction supplies the truncation
 * and the default rule, and a call may pass a rule bound to its rows of the batch instead.
 */
public final class ShardWorker {

    private final ModelSpec spec;
    private final Bptt bptt;
    private final Parameters grad;
    private final Parameters gradCell;
    private final Parameters gradReadout;
    private final Parameters gradInit;
    private Unroll unroll;
    private Mat y;
    private Mat dy;
    private Mat target;
    private State dInitial;

    public ShardWorker(ModelSpec spec, Bptt bptt) {
        this.spec = spec;
        this.bptt = bptt;
        this.grad = Parameters.zeros(spec.layout(), spec.precision(), false);
        this.gradCell = grad.view(0);
        this.gradReadout = grad.view(spec.readoutBlock());
        this.gradInit = grad.view(spec.initialStateBlock());
    }

    /** Gradient buffers of the last {@link #lossAndGradient} call. */
    public Parameters gradient() {
        return grad;
    }

    /** The unroll of the last call: states z_t of the last forward pass, for diagnostics. */
    public Unroll unroll() {
        return unroll;
    }

    private void prepare(int rows, int steps, boolean forcing) {
        if (unroll == null || unroll.batch() != rows || (forcing && !unroll.forcing())) {
            unroll = new Unroll(spec.cell(), rows, spec.precision(), forcing || bptt.forcing() != TeacherForcing.NONE);
            int out = spec.outputSize();
            y = spec.precision().zeros(rows, out);
            dy = spec.precision().zeros(rows, out);
            target = spec.precision().zeros(rows, out);
            dInitial = State.zeros(spec.cell().stateParts(), rows, spec.precision());
        }
        unroll.ensureCapacity(steps);
    }

    /** Rows of the batch whose inputs are loaded together (their lines of the input array fit in L1). */
    private static final int INPUT_BLOCK = 32;

    /** Loads inputs of rows [from, to) and steps [0, steps), sets z_0 and runs the forward pass. */
    public void forward(Parameters w, SequenceBatch batch, int from, int to, int steps) {
        forward(w, batch, from, to, steps, bptt);
    }

    private void forward(Parameters w, SequenceBatch batch, int from, int to, int steps, Bptt engine) {
        if (batch.inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("batch has " + batch.inputSize() + " input channels, the model expects " + spec.inputSize());
        }
        prepare(to - from, steps, engine.forcing() != TeacherForcing.NONE);
        Mat[] inputs = new Mat[steps];
        for (int t = 0; t < steps; t++) inputs[t] = unroll.input(t);
        // a transpose of the batch's [row, channel, step] array into one [row, channel] matrix per step,
        // in blocks of rows: a block's cache lines of the array are read again at the next step, and
        // stay in cache (row by row, or step by step over all rows, missed the cache at every read)
        double[] features = batch.features();
        int k = batch.inputSize(), length = batch.length();
        for (int r0 = from; r0 < to; r0 += INPUT_BLOCK) {
            int r1 = Math.min(to, r0 + INPUT_BLOCK);
            for (int t = 0; t < steps; t++) {
                Mat x = inputs[t];
                for (int r = r0; r < r1; r++) {
                    for (int i = 0; i < k; i++) x.set(r - from, i, features[(r * k + i) * length + t]);
                }
            }
        }
        spec.initialState().fill(w.view(spec.initialStateBlock()), unroll.initial());
        engine.forward(w.view(0), unroll, steps);
    }

    /**
     * Loss of rows [from, to) times {@code weight}, with its gradient in {@link #gradient()}
     * (overwritten). The loss is summed over masked (row, step) pairs, each term weighted by its
     * mask value and {@code weight} (the trainer passes 1 / total mask of the whole batch).
     */
    public double lossAndGradient(Parameters w, SequenceBatch batch, int from, int to, double weight, LossFunction loss) {
        return lossAndGradient(w, batch, from, to, weight, loss, null);
    }

    /**
     * As {@link #lossAndGradient(Parameters, SequenceBatch, int, int, double, LossFunction)}, and if
     * {@code stateGradientNorms} is non-null, writes ||dL/dz_t|| (the whole state gradient at step
     * t, summed over the rows, Frobenius norm) into element t; steps after the last loss step get 0.
     */
    public double lossAndGradient(Parameters w, SequenceBatch batch, int from, int to, double weight, LossFunction loss,
                                  double[] stateGradientNorms) {
        return lossAndGradient(w, batch, from, to, weight, loss, stateGradientNorms, bptt.forcing());
    }

    /**
     * As {@link #lossAndGradient(Parameters, SequenceBatch, int, int, double, LossFunction, double[])}
     * with the teacher forcing rule {@code forcing} (bound to rows [from, to) of this batch; its row
     * 0 is batch row {@code from}). The loss sees the states the cell produced, before forcing.
     */
    public double lossAndGradient(Parameters w, SequenceBatch batch, int from, int to, double weight, LossFunction loss,
                                  double[] stateGradientNorms, TeacherForcing forcing) {
        if (forcing == null) throw new IllegalArgumentException("forcing must be given (TeacherForcing.NONE for none)");
        Bptt engine = forcing == bptt.forcing() ? bptt : new Bptt(forcing, bptt.truncation(), bptt.stackedRows());
        if (batch.labels() == null) throw new IllegalArgumentException("the batch has no labels");
        if (batch.outputSize() != spec.outputSize()) {
            throw new IllegalArgumentException("batch has " + batch.outputSize() + " label channels, the model outputs " + spec.outputSize());
        }
        grad.zero();
        int steps = batch.effectiveLength(from, to);
        if (steps == 0) return 0;
        forward(w, batch, from, to, steps, engine);
        Parameters wReadout = w.view(spec.readoutBlock());
        Readout readout = spec.readout();
        boolean[] lossSteps = lossSteps(batch, from, to, steps);
        StateObjective lossAtStep = (t, z, dz) -> {
            if (!lossSteps[t]) return 0;
            Mat features = z.part(0);
            readout.forward(wReadout, features, y);
            dy.zero();
            double sum = 0;
            for (int r = from; r < to; r++) {
                double m = batch.mask(r, t);
                if (m == 0) continue;
                for (int o = 0; o < batch.outputSize(); o++) target.set(r - from, o, batch.label(r, o, t));
                sum += loss.row(y, target, r - from, weight * m, dy);
            }
            readout.backward(wReadout, gradReadout, features, dy, dz.part(0));
            return sum;
        };
        StateObjective objective = lossAtStep;
        if (stateGradientNorms != null) {
            java.util.Arrays.fill(stateGradientNorms, 0);
            objective = (t, z, dz) -> {
                double v = lossAtStep.accumulate(t, z, dz);
                double sq = 0;
                for (int k = 0; k < dz.partCount(); k++) sq += dz.part(k).sumOfSquares();
                stateGradientNorms[t] = Math.sqrt(sq);
                return v;
            };
        }
        double total = engine.backward(w.view(0), gradCell, unroll, steps, objective, null, dInitial);
        spec.initialState().backward(w.view(spec.initialStateBlock()), gradInit, dInitial);
        return total;
    }

    /** Whether any of rows [from, to) has a loss term at step t, for t < steps (read row by row, as the mask lies). */
    private static boolean[] lossSteps(SequenceBatch batch, int from, int to, int steps) {
        boolean[] any = new boolean[steps];
        for (int r = from; r < to; r++) {
            for (int t = 0; t < steps; t++) any[t] |= batch.mask(r, t) != 0;
        }
        return any;
    }

    /** Outputs y_t of rows [from, to) at every step into {@code out}, laid out [batch, outputs, time] for the whole batch. */
    public void output(Parameters w, SequenceBatch batch, int from, int to, double[] out) {
        int steps = batch.length();
        forward(w, batch, from, to, steps);
        Parameters wReadout = w.view(spec.readoutBlock());
        int o = spec.outputSize();
        for (int t = 0; t < steps; t++) {
            spec.readout().forward(wReadout, unroll.state(t + 1).part(0), y);
            for (int r = from; r < to; r++) {
                for (int k = 0; k < o; k++) out[((r * o) + k) * steps + t] = y.get(r - from, k);
            }
        }
    }
}
