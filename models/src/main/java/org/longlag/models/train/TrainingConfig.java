package org.longlag.models.train;

import org.longlag.models.cell.CellChecks;

/**
 * How to train: number of updates, batch size, optimizer, gradient clipping, threads and the seed
 * of the batch stream. The same config, model seed and thread count give bitwise the same
 * parameters (the batch is split into the same shards and the shard gradients are summed in
 * the same order).
 *
 * @param steps      number of parameter updates, at least 1
 * @param batchSize  sequences per update, at least 1
 * @param optimizer  the updater
 * @param clipNorm   global gradient-norm clipping threshold; 0 turns clipping off
 * @param threads    Java threads sharing each batch, at least 1
 * @param seed       seed of the training batch stream
 * @param truncation truncated BPTT window; 0 for full BPTT
 */
public record TrainingConfig(int steps, int batchSize, Optimizer optimizer, double clipNorm, int threads, long seed,
                             int truncation) {

    public TrainingConfig {
        CellChecks.positive("steps", steps);
        CellChecks.positive("batchSize", batchSize);
        CellChecks.notNull("optimizer", optimizer);
        CellChecks.nonNegative("clipNorm", clipNorm);
        CellChecks.positive("threads", threads);
        if (truncation < 0) throw new IllegalArgumentException("truncation must be 0 (full BPTT) or positive, got " + truncation);
    }

    /** Adam 1e-3, batch 32, gradient-norm clipping at 1 (long lags produce occasional gradient spikes), one thread per core, full BPTT. */
    public static TrainingConfig defaults(int steps, long seed) {
        return new TrainingConfig(steps, 32, Optimizer.adam(1e-3), 1.0, Runtime.getRuntime().availableProcessors(), seed, 0);
    }

    public TrainingConfig withSteps(int s) {
        return new TrainingConfig(s, batchSize, optimizer, clipNorm, threads, seed, truncation);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(steps, b, optimizer, clipNorm, threads, seed, truncation);
    }

    public TrainingConfig withOptimizer(Optimizer o) {
        return new TrainingConfig(steps, batchSize, o, clipNorm, threads, seed, truncation);
    }

    public TrainingConfig withClipNorm(double c) {
        return new TrainingConfig(steps, batchSize, optimizer, c, threads, seed, truncation);
    }

    public TrainingConfig withThreads(int t) {
        return new TrainingConfig(steps, batchSize, optimizer, clipNorm, t, seed, truncation);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(steps, batchSize, optimizer, clipNorm, threads, s, truncation);
    }

    public TrainingConfig withTruncation(int k) {
        return new TrainingConfig(steps, batchSize, optimizer, clipNorm, threads, seed, k);
    }
}
