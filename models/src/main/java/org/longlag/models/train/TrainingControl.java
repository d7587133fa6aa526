package org.longlag.models.train;

import java.util.function.Supplier;

/**
 * Lets a listener end training early, with a reason that ends up in the result, and see where
 * training stands (what a checkpoint saves).
 */
public final class TrainingControl {

    private final Supplier<TrainingState> state;
    private String stopReason;

    /** A control without a trainer behind it (a listener under test): {@link #state()} refuses. */
    public TrainingControl() {
        this(() -> {
            throw new IllegalStateException("this training control has no trainer behind it");
        });
    }

    TrainingControl(Supplier<TrainingState> state) {
        this.state = state;
    }

    /**
     * Where training stands after the update just reported: steps, sequences and the optimizer's
     * state, as {@link Trainer#state()} gives them; saved beside a model, a run can go on from it.
     */
    public TrainingState state() {
        return state.get();
    }

    public void stop(String reason) {
        if (stopReason == null) stopReason = reason;
    }

    public boolean stopped() {
        return stopReason != null;
    }

    public String stopReason() {
        return stopReason;
    }
}
