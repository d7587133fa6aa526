package org.longlag.tasks.memory;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The task contract for the copy task, with mixed-length and same-length training batches: a
 * small example of a contract subclass.
 */
class CopyTaskContractTest {

    abstract static class CopyContract extends TaskContractTest {
        @Override
        protected String kind() {
            return "copy";
        }

        /** The L recall steps after the delimiter (channel 8) at step L. */
        @Override
        protected boolean lossApplies(INDArray x, int b, int t) {
            int delimiter = 0;
            while (x.getDouble(b, 8, delimiter) != 1) delimiter++;
            return t > delimiter && t <= 2 * delimiter;
        }

        /** Probability 1/2 for every bit (logit 0): half the bits wrong, whatever the threshold makes of the tie. */
        @Override
        protected INDArray memorylessOutputs(int batch, int steps) {
            return constantOutputs(batch, steps, new double[8]);
        }
    }

    @Nested
    class MixedLengths extends CopyContract {
    }

    @Nested
    class SameLengthTrainingBatches extends CopyContract {
        @Override
        protected Map<String, Object> options() {
            return Map.of("batch-lengths", "same");
        }
    }
}
