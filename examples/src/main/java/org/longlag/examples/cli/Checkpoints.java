package org.longlag.examples.cli;

import java.nio.file.Path;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.CheckpointListener;
import org.longlag.tasks.experiment.Experiment;
import picocli.CommandLine.Option;

/** {@code --checkpoint-every} of train and resume (a picocli mixin): where checkpoints go, and their listener. */
final class Checkpoints {

    @Option(names = "--checkpoint-every", description = {"save the run every N updates into OUT/checkpoint, which 'longlag resume'",
            "goes on from if the run is cut short (default ${DEFAULT-VALUE}: no checkpoints)"})
    int checkpointEvery = 0;

    /** OUT/checkpoint. */
    static Path directory(Path out) {
        return out.resolve("checkpoint");
    }

    /** No listener for 0 updates, else one that saves every {@code --checkpoint-every} updates; refuses a negative count. */
    TrainingListener[] listeners(Path out, Experiment experiment) {
        int every = checkpointEvery;
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
