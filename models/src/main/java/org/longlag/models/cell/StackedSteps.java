package org.longlag.models.cell;

import org.longlag.models.tensor.Mat;

/**
 * A run of consecutive steps of one unroll with each matrix stacked over the steps into one batch:
 * row {@code s * batch + i} is sample i at the run's step s. Views of the engine's memory (see
 * {@link Mat#stackRows}), not copies.
 *
 * @param x     the inputs x_t
 * @param prev  the states z_{t-1} the steps started from (after teacher forcing, if any)
 * @param dNext dL/dz_t as each step's backward received it
 */
public record StackedSteps(Mat x, State prev, State dNext) {
}
