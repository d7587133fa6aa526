package org.longlag.models.train;

/**
 * Training hit a NaN or infinite loss, gradient or parameter. The model keeps the last parameters
 * whose loss and gradient were finite (see {@link Trainer}): those of update {@link #kept()}.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final int kept;

    /**
     * @param step the update that was refused
     * @param what what was not finite
     * @param kept the update whose parameters the model keeps (0: the initial ones)
     * @param why  why those: "" when the refused update's loss and gradient were finite (its own
     *             starting point is kept), else a short reason
     */
    public TrainingDivergedException(int step, String what, int kept, String why) {
        super("training stopped at step " + step + ": " + what + "; the model keeps "
                + (kept == 0 ? "its initial parameters" : "the parameters of step " + kept) + (why.isEmpty() ? "" : ", " + why));
        this.step = step;
        this.kept = kept;
    }

    /** The step whose update was refused. */
    public int step() {
        return step;
    }

    /** The update whose parameters the model keeps (0 for its initial parameters). */
    public int kept() {
        return kept;
    }
}
