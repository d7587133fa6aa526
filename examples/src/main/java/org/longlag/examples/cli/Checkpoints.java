package org.longlag.examples.cli;

import java.nio.file.Path;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.CheckpointListener;
import org.longlag.tasks.experiment.Experiment;

/** {@code --checkpoint-every} of train and resume: where checkpoints go, and their listener. */
final class Checkpoints {

    private Checkpoints() {
    }

    /** OUT/checkpoint. */
    static Path directory(Path out) {
        return out.resolve("checkpoint");
    }

    /** No listener for {@code every} = 0, else one that saves every {@code every} updates; refuses a negative count. */
    static TrainingListener[] listeners(int every, Path out, Experiment experiment) {
        if (every < 0) throw new IllegalArgumentException("--checkpoint-every must be 0 (no checkpoints) or positive, got " + every);
        return every == 0 ? new TrainingListener[0] : new TrainingListener[] {new CheckpointListener(directory(out), every, experiment)};
    }

    /** {@code first} followed by {@code rest}. */
    static TrainingListener[] with(TrainingListener first, TrainingListener[] rest) {
        TrainingListener[] all = new TrainingListener[1 + rest.length];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
