package org.longlag.tasks.memory;

import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for associative recall, in the paper's setting. */
class AssociativeRecallTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "associative-recall";
    }

    /** The 3 steps after the second query delimiter (channel 7). */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        int seen = 0, closing = -1;
        for (int s = 0; s < x.size(2) && closing < 0; s++) {
            if (x.getDouble(b, 7, s) == 1 && ++seen == 2) closing = s;
        }
        return t > closing && t <= closing + 3;
    }

    /** Logit 0 for every bit: each bit is wrong with probability 1/2. */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, new double[6]);
    }
}
