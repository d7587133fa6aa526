package org.longlag.tasks.memory;

import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for selective copying at its defaults. */
class SelectiveCopyTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "selective-copy";
    }

    /** The steps showing the recall marker, token 15. */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        return x.getDouble(b, 15, t) == 1;
    }

    /** Uniform over the 14 data tokens. */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, new double[14]);
    }

    /** Uniform logits score exactly log(classes) on every batch: a few sequences per batch suffice. */
    @Override
    protected int chanceBatchSize() {
        return 100;
    }
}
