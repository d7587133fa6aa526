package org.longlag.models.train;

/**
 * Where a run stands after some updates, so that training can go on from a saved model: the
 * updates and sequences so far and the optimizer's flat state (Adam's two moments) with the number
 * of updates that state has seen (its bias correction and learning-rate schedule count them).
 *
 * @param step             updates done, at least 0
 * @param sequences        sequences seen, at least 0
 * @param optimizerState   the updater's state, or null when it is not known: a run resumed without
 *                         it restarts the optimizer (zero moments, bias correction from its first
 *                         update), as an old run's directory or a diverged run needs
 * @param optimizerUpdates updates the optimizer state has seen: {@code step} for an uninterrupted
 *                         run, fewer after a restart, 0 without a state
 */
public record TrainingState(int step, long sequences, double[] optimizerState, int optimizerUpdates) {

    /** A run that has not started. */
    public static final TrainingState START = new TrainingState(0, 0, null, 0);

    public TrainingState {
        if (step < 0) throw new IllegalArgumentException("step must be at least 0, got " + step);
        if (sequences < 0) throw new IllegalArgumentException("sequences must be at least 0, got " + sequences);
        if (optimizerUpdates < 0 || optimizerUpdates > step) {
            throw new IllegalArgumentException("optimizerUpdates must be in [0, step = " + step + "], got " + optimizerUpdates);
        }
        if (optimizerState == null && optimizerUpdates != 0) {
            throw new IllegalArgumentException("without an optimizer state, optimizerUpdates must be 0, got " + optimizerUpdates);
        }
        if (optimizerState != null) optimizerState = optimizerState.clone();
    }

    /** A point without the optimizer's state. */
    public static TrainingState at(int step, long sequences) {
        return new TrainingState(step, sequences, null, 0);
    }

    /** Whether the optimizer's state is known (without copying it). */
    public boolean hasOptimizerState() {
        return optimizerState != null;
    }

    @Override
    public double[] optimizerState() {
        return optimizerState == null ? null : optimizerState.clone();
    }
}
