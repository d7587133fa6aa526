package org.longlag.models.forcing;

import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Initializers;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.InitialState;
import org.longlag.models.model.LearnedInitialState;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.Readout;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ShardWorker;
import org.longlag.models.bptt.Bptt;

/**
 * A tiny float64 model and a reconstruction-style batch (zero input, labels = observations, step 0
 * unscored) for forcing checks.
 */
final class ForcingFixture {

    final SequenceModel model;
    final SequenceBatch batch;

    ForcingFixture(Cell cell, Readout readout, int rows, int steps, long seed) {
        this(cell, readout, new LearnedInitialState(0.5), rows, steps, seed);
    }

    ForcingFixture(Cell cell, Readout readout, InitialState init, int rows, int steps, long seed) {
        ModelSpec spec = new ModelSpec(cell, readout, init, Precision.FLOAT64);
        this.model = SequenceModel.create(spec, seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        int out = readout.outputSize();
        double[] labels = new double[rows * out * steps];
        for (int i = 0; i < labels.length; i++) labels[i] = Initializers.nextGaussian(rng);
        double[] mask = new double[rows * steps];
        for (int b = 0; b < rows; b++) for (int t = 1; t < steps; t++) mask[b * steps + t] = 1;
        this.batch = new SequenceBatch(rows, cell.inputSize(), out, steps, new double[rows * cell.inputSize() * steps], labels, mask);
    }

    /** Mean loss and (into {@code grad}, if non-null) its gradient, under a fixed forcing. */
    double loss(BatchForcing forcing, double[] grad) {
        ShardWorker w = new ShardWorker(model.spec(), Bptt.FULL);
        double n = batch.maskSum(0, batch.size());
        double l = w.lossAndGradient(model.weights(), batch, 0, batch.size(), 1 / n, LossFunction.MSE, null, forcing.rows(0, batch.size()));
        if (grad != null) w.gradient().store(grad);
        return l;
    }

    /** The same loss computed with two shards (rows split), to check the row binding. */
    double shardedLoss(BatchForcing forcing, int split) {
        double n = batch.maskSum(0, batch.size());
        ShardWorker a = new ShardWorker(model.spec(), Bptt.FULL), c = new ShardWorker(model.spec(), Bptt.FULL);
        return a.lossAndGradient(model.weights(), batch, 0, split, 1 / n, LossFunction.MSE, null, forcing.rows(0, split))
                + c.lossAndGradient(model.weights(), batch, split, batch.size(), 1 / n, LossFunction.MSE, null, forcing.rows(split, batch.size()));
    }
}
