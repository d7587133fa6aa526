/**
 * DSR metrics as defined in the Durstewitz lab's reference code (GTF-shPLRNN {@code src/measures/},
 * dendPLRNN {@code BPTT_TF/evaluation/}): state-space divergence D_stsp
 * ({@link org.longlag.dynamics.metrics.StateSpaceDivergence}), power-spectrum distance D_H
 * ({@link org.longlag.dynamics.metrics.PowerSpectrumDistance}), n-step prediction error
 * ({@link org.longlag.dynamics.metrics.PredictionError}), and the one-call
 * {@link org.longlag.dynamics.metrics.DsrMetrics#compare}.
 */
package org.longlag.dynamics.metrics;
