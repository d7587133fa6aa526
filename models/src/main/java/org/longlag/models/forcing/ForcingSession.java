package org.longlag.models.forcing;

import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;

/**
 * The teacher forcing of one training run. Called once per update on the training thread, before
 * any gradient is computed, so an adaptive rule may look at the current model and batch.
 */
@FunctionalInterface
public interface ForcingSession {

    /**
     * The forcing for one batch.
     *
     * @param model the model at its current parameters
     * @param batch the batch about to be trained on
     * @param step  1-based update number
     */
    BatchForcing prepare(SequenceModel model, SequenceBatch batch, int step);

    /** The current forcing weight alpha for generalized forcing; NaN for other rules. */
    default double alpha() {
        return Double.NaN;
    }
}
