package org.longlag.models.cell.ntm;

/** The cell contract for an LSTM-controlled NTM: memory 4 x 3, controller 5, one read and one write head. */
class NtmLstmCellTest extends NtmContractTest {

    @Override
    protected NtmCell ntm() {
        return new NtmCell(3, 5, NtmCell.ControllerType.LSTM, 4, 3, 1, 1, 1, 20.0);
    }
}
