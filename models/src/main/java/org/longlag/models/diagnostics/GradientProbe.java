package org.longlag.models.diagnostics;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.CellChecks;

/**
 * Which data per-lag gradient norms are averaged over: {@code batches} batches of
 * {@code batchSize} sequences drawn from a task with a generator seeded by {@code seed} (the same
 * seed gives the same batches, so checkpoints of one run are compared on the same data), in a
 * given precision.
 *
 * @param batches   batches to average over, at least 1
 * @param batchSize sequences per batch, at least 1
 * @param seed      seed of the probe's data
 * @param precision arithmetic of the diagnostic: FLOAT64 (recommended: float32 flushes norms below
 *                  about 1e-30 to zero, and overflows above about 1e38), FLOAT32, or null for the
 *                  model's own precision
 */
public record GradientProbe(int batches, int batchSize, long seed, Precision precision) {

    public GradientProbe {
        CellChecks.positive("batches", batches);
        CellChecks.positive("batchSize", batchSize);
    }

    /** 4 batches of 16 sequences, float64. */
    public static GradientProbe defaults(long seed) {
        return new GradientProbe(4, 16, seed, Precision.FLOAT64);
    }
}
