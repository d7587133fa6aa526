package org.longlag.dynamics.metrics;

/**
 * How the histogram range of the binned D_stsp is chosen, per dimension, from the true trajectory
 * (the generated one is binned on the same edges; its points outside are dropped).
 */
public enum BinRange {

    /**
     * [min - 0.1 std, max + 0.1 std] of the true data: the whole observed attractor plus a margin.
     * The current reference ({@code "default"} binning in GTF-shPLRNN {@code src/measures/stsp_measure.jl}).
     */
    DATA_RANGE,

    /**
     * [-2 std, 2 std] of the true data (assumes standardized, zero-mean data): the earlier choice of
     * dendPLRNN {@code BPTT_TF/evaluation/klx.py} (Brenner et al. 2022), kept as {@code "legacy"}
     * binning in GTF-shPLRNN.
     */
    TWO_SIGMA
}
