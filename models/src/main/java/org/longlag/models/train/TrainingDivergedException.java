package org.longlag.models.train;

/**
 * Training hit a NaN or infinite loss, gradient or parameter. The model keeps the parameters of
 * the last good step.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int step;

    public TrainingDivergedException(int step, String what) {
        super("training stopped at step " + step + ": " + what + "; the model keeps the parameters of step " + (step - 1));
        this.step = step;
    }

    /** The step whose update was refused. */
    public int step() {
        return step;
    }
}
