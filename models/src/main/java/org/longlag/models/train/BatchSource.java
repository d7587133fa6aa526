package org.longlag.models.train;

import java.util.SplittableRandom;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.loss.LossFunction;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * A stream of training batches: features [batch, inputs, time], labels [batch, outputs, time] and a
 * labels mask [batch, time] marking where the loss applies. Tasks implement it.
 */
public interface BatchSource {

    /** A new batch of {@code size} sequences, drawing randomness only from {@code rng}. */
    DataSet next(int size, SplittableRandom rng);

    /** The loss that trains on these batches. */
    LossFunction loss();

    /**
     * The teacher forcing training on these batches uses (forcing signals are the labels; see
     * {@link Forcing}). None unless the source says otherwise (reconstruction tasks do).
     */
    default Forcing forcing() {
        return Forcing.none();
    }
}
