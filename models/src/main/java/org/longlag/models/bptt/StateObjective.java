package org.longlag.models.bptt;

import org.longlag.models.cell.State;

/**
 * The loss as the BPTT engine sees it: a function of the states z_1..z_T that, walking back in
 * time, adds dLoss/dz_t into the running state gradient and returns its share of the loss.
 */
@FunctionalInterface
public interface StateObjective {

    /**
     * @param t     time step (0-based; z_t here is the state after step t, {@code unroll.state(t + 1)})
     * @param z     that state
     * @param dz    running dL/dz_t, to add into
     * @return this step's contribution to the loss
     */
    double accumulate(int t, State z, State dz);
}
