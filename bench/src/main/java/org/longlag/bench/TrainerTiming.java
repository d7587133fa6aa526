package org.longlag.bench;

import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;

/** Training throughput of the longlag trainer on a fixed batch, timed over a growing number of steps. */
final class TrainerTiming {

    private TrainerTiming() {
    }

    /**
     * Sequences per second of {@code cfg}'s training (forward, BPTT, update) on {@code data}: runs of
     * {@code firstSteps}, then more steps, until one run lasts {@code seconds}; the last run counts.
     */
    static double sequencesPerSecond(SequenceModel model, FixedBatch data, TrainingConfig cfg, int firstSteps, double seconds) {
        int steps = firstSteps;
        while (true) {
            long start = System.nanoTime();
            try (Trainer tr = new Trainer(model, cfg.withSteps(steps))) {
                tr.fit(data);
            }
            double s = (System.nanoTime() - start) / 1e9;
            if (s >= seconds || steps > 1_000_000) return steps * (double) cfg.batchSize() / s;
            steps = (int) Math.max(steps * 2, Math.min(steps * seconds / Math.max(s, 1e-3), steps * 64.0));
        }
    }
}
