package org.longlag.tasks.memory;

import java.util.Map;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for the copying-memory problem. */
class CopyMemoryTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "copymemory";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("lag", 30);
    }

    /** Softmax cross-entropy at every step. */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        return true;
    }

    /** Blank with certainty before the last 10 steps, then uniform over the 8 categories. */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        double[] blank = new double[9], uniform = new double[9];
        java.util.Arrays.fill(blank, -1e4);
        blank[0] = 0;
        uniform[0] = -1e4;
        INDArray out = constantOutputs(batch, steps, blank);
        INDArray recall = constantOutputs(batch, 10, uniform);
        out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(steps - 10, steps)).assign(recall);
        return out;
    }
}
