package org.longlag.tasks.memory;

import java.util.Map;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for copy-reuse, at 4 episodes of 6 items (the defaults' 330 steps are slow to check thousands of). */
class CopyReuseTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "copy-reuse";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("lag", 6, "episodes", 4, "width", 5);
    }

    /** In each episode the K steps after its delimiter (channel 5); K is the first delimiter's step. */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        int items = 0;
        while (x.getDouble(b, 5, items) != 1) items++;
        int episode = 2 * items + 1, within = t % episode;
        return within > items;
    }

    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, new double[5]);
    }
}
