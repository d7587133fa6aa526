package org.longlag.models.cell.ntm;

import org.junit.jupiter.api.Test;
import org.longlag.models.cell.TorchOracle;

/** The NTM against bench/python/ntm_torch.py (autograd, float64) on the oracle's cases. */
class NtmTorchOracleTest {

    @Test
    void lstmControlledNtmMatchesPyTorch() throws Exception {
        TorchOracle.load("ntm").check(new NtmCell(3, 5, NtmCell.ControllerType.LSTM, 6, 4, 2, 2, 1, 20.0), 1e-10);
    }

    @Test
    void feedForwardNtmMatchesPyTorch() throws Exception {
        TorchOracle o = TorchOracle.load("ntm_feedforward");
        o.check(new NtmCell(3, 5, NtmCell.ControllerType.FEEDFORWARD, 5, 3, 1, 1, 2, 20.0), 1e-10);
    }
}
