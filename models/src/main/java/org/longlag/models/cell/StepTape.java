package org.longlag.models.cell;

import org.longlag.models.tensor.Mat;

/**
 * Everything one time step leaves for its backward: input x_t, the state z_{t-1} it started from
 * (after teacher forcing, if any), the state z_t it produced, and the cell's own record.
 */
public record StepTape(Mat x, State prev, State next, Cell.StepRecord record) {
}
