package org.longlag.tasks.memory;

import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for repeat copy, in the paper's setting (8 bits, lengths and repeats 1..10). */
class RepeatCopyTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "repeat-copy";
    }

    /**
     * The L R + 1 steps after the count: L from the delimiter (channel 8), R from the count on
     * channel 9, (R - 5.5) / sqrt(99/12) for the training counts 1..10 (the variants keep it).
     */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        int len = 0;
        while (x.getDouble(b, 8, len) != 1) len++;
        long repeats = Math.round(x.getDouble(b, 9, len + 1) * Math.sqrt(99.0 / 12) + 5.5);
        return t >= len + 2 && t <= len + 2 + len * repeats;
    }

    /** All outputs 0: data bits at logit 0 (wrong half the time), the end marker at logit -1 (wrong once). */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, 0, 0, 0, 0, 0, 0, 0, 0, -1);
    }
}
