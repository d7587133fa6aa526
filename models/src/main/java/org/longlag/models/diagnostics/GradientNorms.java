package org.longlag.models.diagnostics;

import java.util.SplittableRandom;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.StateObjective;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Parameters;
import org.longlag.models.forcing.BatchForcing;
import org.longlag.models.forcing.ForcingSession;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ShardWorker;
import org.longlag.models.train.BatchSource;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Per-step gradient norms ||dL/dz_t|| of a model on a batch: how much the loss at the loss steps
 * depends on the state t steps earlier. With a loss at the last step T only, entry T - 1 - k is
 * the gradient k steps back ("per-lag gradient norm"), the quantity that vanishes or explodes with
 * lag. Computed by the model's own BPTT, in the model's precision (use float64 to see norms below
 * 1e-30, which float32 flushes to zero).
 */
public final class GradientNorms {

    private GradientNorms() {
    }

    /** ||dL/dz_t|| for t = 0..length-1 (mean loss over the batch's masked steps). */
    public static double[] perStep(SequenceModel model, DataSet data, LossFunction loss) {
        SequenceBatch batch = SequenceBatch.of(data);
        double n = batch.maskSum(0, batch.size());
        if (n == 0) throw new IllegalArgumentException("the labels mask selects no step");
        double[] norms = new double[batch.length()];
        new ShardWorker(model.spec(), Bptt.FULL).lossAndGradient(model.weights(), batch, 0, batch.size(), 1.0 / n, loss, norms);
        return norms;
    }

    /**
     * Norms by lag k = 0..length-1 back from the last step: {@code perStep} reversed, for tasks
     * whose loss sits at the last step.
     */
    public static double[] byLag(SequenceModel model, DataSet data, LossFunction loss) {
        double[] s = perStep(model, data, loss);
        double[] out = new double[s.length];
        for (int k = 0; k < s.length; k++) out[k] = s[s.length - 1 - k];
        return out;
    }

    /**
     * Per-lag norms averaged over the probe's batches of a task, lag k counted back from each
     * batch's last loss step (for tasks with the loss at the last step this is the lag to the
     * target; for losses at several steps it mixes them). Batches of different lengths contribute
     * to the lags they have. The model is copied into the probe's precision if it differs. The
     * gradient is the one training on these batches computes: with the source's teacher forcing
     * ({@link BatchSource#forcing()}, none for memory tasks; a fresh session, see
     * {@link #byLag(SequenceModel, BatchSource, GradientProbe, ForcingSession)}).
     */
    public static LagProfile byLag(SequenceModel model, BatchSource source, GradientProbe probe) {
        return byLag(model, source, probe, source.forcing().start());
    }

    /**
     * As {@link #byLag(SequenceModel, BatchSource, GradientProbe)} with the teacher forcing of
     * {@code forcing}: each probe batch is bound to it as the trainer binds a batch at update 1
     * ({@code forcing.prepare(model, batch, 1)}, so an adaptive generalized alpha is at its
     * starting value), and the gradient flows through the bound rule in the shared BPTT loop
     * ({@link ShardWorker}). Under sparse forcing no gradient crosses a forced state, so the norm
     * k steps back stays bounded instead of growing like exp(lambda_max k) on a chaotic model.
     */
    public static LagProfile byLag(SequenceModel model, BatchSource source, GradientProbe probe, ForcingSession forcing) {
        if (forcing == null) throw new IllegalArgumentException("forcing must be given (Forcing.none().start() for none)");
        SequenceModel m = PrecisionCopy.of(model, probe.precision());
        ShardWorker worker = new ShardWorker(m.spec(), Bptt.FULL);
        SplittableRandom rng = new SplittableRandom(probe.seed());
        double[] sum = new double[0];
        int[] count = new int[0];
        double lossSum = 0;
        for (int b = 0; b < probe.batches(); b++) {
            SequenceBatch batch = SequenceBatch.of(source.next(probe.batchSize(), rng));
            double n = batch.maskSum(0, batch.size());
            if (n == 0) throw new IllegalArgumentException("the task's labels mask selects no step");
            double[] norms = new double[batch.length()];
            BatchForcing bound = forcing.prepare(m, batch, 1);
            lossSum += worker.lossAndGradient(m.weights(), batch, 0, batch.size(), 1.0 / n, source.loss(), norms, bound.rows(0, batch.size()));
            int last = batch.effectiveLength(0, batch.size()) - 1;
            if (last + 1 > sum.length) {
                sum = java.util.Arrays.copyOf(sum, last + 1);
                count = java.util.Arrays.copyOf(count, last + 1);
            }
            for (int k = 0; k <= last; k++) {
                sum[k] += norms[last - k];
                count[k]++;
            }
        }
        for (int k = 0; k < sum.length; k++) sum[k] /= count[k];
        return new LagProfile(sum, lossSum / probe.batches(), probe.batches(), probe.batchSize());
    }

    /**
     * ||dL/dz_t|| for t = 0..steps-1 of any unrolled objective, with any teacher forcing and
     * truncation: runs {@code bptt}'s forward and backward over {@code unroll} (inputs and initial
     * state filled by the caller) and records the norm of the running state gradient after the
     * objective's term at each step, i.e. the gradient with respect to the state the cell produced
     * at step t (before forcing's backward acts on it). Cell parameter gradients are discarded.
     */
    public static double[] perStep(Bptt bptt, Parameters cellWeights, Unroll unroll, int steps, StateObjective objective) {
        Parameters grad = Parameters.zeros(unroll.cell().parameterLayout(), unroll.precision(), false);
        bptt.forward(cellWeights, unroll, steps);
        double[] norms = new double[steps];
        bptt.backward(cellWeights, grad, unroll, steps, (t, z, dz) -> {
            double v = objective.accumulate(t, z, dz);
            double sq = 0;
            for (int k = 0; k < dz.partCount(); k++) sq += dz.part(k).sumOfSquares();
            norms[t] = Math.sqrt(sq);
            return v;
        }, null, null);
        return norms;
    }
}
