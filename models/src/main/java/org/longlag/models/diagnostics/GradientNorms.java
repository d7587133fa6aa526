package org.longlag.models.diagnostics;

import org.longlag.models.bptt.Bptt;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ShardWorker;
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
}
