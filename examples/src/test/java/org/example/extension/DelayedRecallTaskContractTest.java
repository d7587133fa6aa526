package org.example.extension;

import java.util.Map;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The delayed-recall task keeps the task contract, built by its kind from the catalog. */
class DelayedRecallTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "delayed-recall";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("lag", 12, "symbols", 5);
    }

    /** The loss applies where the cue (channel K = 5) is on, and only there. */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        return x.getDouble(b, 5, t) == 1;
    }

    /** Uniform over the symbols: logits 0. */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, new double[5]);
    }
}
