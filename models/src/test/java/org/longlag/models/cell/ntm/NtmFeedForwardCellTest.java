package org.longlag.models.cell.ntm;

/**
 * The cell contract for a feed-forward-controlled NTM with two read and two write heads (so the
 * multi-head erase product is checked), memory 4 x 2, and clipping at 1.0 so that some head
 * parameters are clipped. The state is kept small (32 values per sample): the central differences
 * of the contract see rounding noise of the objective, which grows with the number of state values
 * summed into it.
 */
class NtmFeedForwardCellTest extends NtmContractTest {

    @Override
    protected NtmCell ntm() {
        return new NtmCell(3, 4, NtmCell.ControllerType.FEEDFORWARD, 4, 2, 2, 2, 1, 1.0);
    }
}
