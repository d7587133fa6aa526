package org.longlag.models.train;

import org.longlag.models.model.SequenceModel;

/** Hooks called by the {@link Trainer} on the training thread. */
public interface TrainingListener {

    default void onStart(SequenceModel model, TrainingConfig config) {
    }

    /** After each update; the model already holds the updated parameters. */
    void onStep(SequenceModel model, StepReport report, TrainingControl control);

    default void onEnd(SequenceModel model, TrainingResult result) {
    }
}
