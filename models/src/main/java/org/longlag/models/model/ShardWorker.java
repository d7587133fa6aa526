package org.longlag.models.model;

import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.StateObjective;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.tensor.Mat;

/**
 * One thread's machinery for running a model on a slice of rows of a batch: the unroll memory,
 * its own gradient buffers and readout temporaries. Reused across batches; not thread-safe (one
 * per thread), while the weights it reads are shared read-only.
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

    private void prepare(int rows, int steps) {
        if (unroll == null || unroll.batch() != rows) {
            unroll = new Unroll(spec.cell(), rows, spec.precision(), bptt.forcing() != org.longlag.models.bptt.TeacherForcing.NONE);
            int out = spec.outputSize();
            y = spec.precision().zeros(rows, out);
            dy = spec.precision().zeros(rows, out);
            target = spec.precision().zeros(rows, out);
            dInitial = State.zeros(spec.cell().stateSizes(), rows, spec.precision());
        }
        unroll.ensureCapacity(steps);
    }

    /** Loads inputs of rows [from, to) and steps [0, steps), sets z_0 and runs the forward pass. */
    public void forward(Parameters w, SequenceBatch batch, int from, int to, int steps) {
        if (batch.inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("batch has " + batch.inputSize() + " input channels, the model expects " + spec.inputSize());
        }
        prepare(to - from, steps);
        for (int t = 0; t < steps; t++) {
            Mat x = unroll.input(t);
            for (int r = from; r < to; r++) {
                for (int i = 0; i < batch.inputSize(); i++) x.set(r - from, i, batch.feature(r, i, t));
            }
        }
        spec.initialState().fill(w.view(spec.initialStateBlock()), unroll.initial());
        bptt.forward(w.view(0), unroll, steps);
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
        if (batch.labels() == null) throw new IllegalArgumentException("the batch has no labels");
        if (batch.outputSize() != spec.outputSize()) {
            throw new IllegalArgumentException("batch has " + batch.outputSize() + " label channels, the model outputs " + spec.outputSize());
        }
        grad.zero();
        int steps = batch.effectiveLength(from, to);
        if (steps == 0) return 0;
        forward(w, batch, from, to, steps);
        Parameters wReadout = w.view(spec.readoutBlock());
        Readout readout = spec.readout();
        StateObjective lossAtStep = (t, z, dz) -> {
            boolean any = false;
            for (int r = from; r < to && !any; r++) any = batch.mask(r, t) != 0;
            if (!any) return 0;
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
        double total = bptt.backward(w.view(0), gradCell, unroll, steps, objective, null, dInitial);
        spec.initialState().backward(w.view(spec.initialStateBlock()), gradInit, dInitial);
        return total;
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
