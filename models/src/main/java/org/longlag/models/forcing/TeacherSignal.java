package org.longlag.models.forcing;

import org.longlag.models.cell.State;
import org.longlag.models.model.ObservationInverse;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.tensor.Mat;

/**
 * The data-inferred states of a batch: the label of row b at step t, through the readout's
 * inverse, gives the values of the leading units of state part 0 after step t. Read-only, so one
 * instance serves every shard.
 */
public final class TeacherSignal {

    private final SequenceBatch batch;
    private final ObservationInverse inverse;

    public TeacherSignal(SequenceBatch batch, ObservationInverse inverse) {
        if (batch.labels() == null) throw new IllegalArgumentException("teacher forcing needs a batch with labels (the observations)");
        if (batch.outputSize() != inverse.observationSize()) {
            throw new IllegalArgumentException("teacher forcing: the batch has " + batch.outputSize()
                    + " label channels, the readout observes " + inverse.observationSize());
        }
        this.batch = batch;
        this.inverse = inverse;
    }

    /** Number of leading units of state part 0 the data sets. */
    public int units() {
        return inverse.units();
    }

    public SequenceBatch batch() {
        return batch;
    }

    /** The inferred values of the forced units of batch row b after step t into {@code out}. */
    public void infer(int b, int t, double[] y, double[] out) {
        for (int o = 0; o < y.length; o++) y[o] = batch.label(b, o, t);
        inverse.infer(y, out);
    }

    /** Buffers for {@link #infer}: an observation and a forced-units vector. */
    double[] observationBuffer() {
        return new double[batch.outputSize()];
    }

    double[] unitsBuffer() {
        return new double[inverse.units()];
    }

    /** Checks that the state's part 0 has room for the forced units. */
    void requireFits(State s) {
        Mat z = s.part(0);
        if (z.cols() < units()) {
            throw new IllegalArgumentException("teacher forcing sets " + units() + " units, the state's output part has " + z.cols());
        }
    }
}
