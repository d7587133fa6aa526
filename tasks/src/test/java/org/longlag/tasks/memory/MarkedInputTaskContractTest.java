package org.longlag.tasks.memory;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The task contract for addition and multiplication in both protocols. */
class MarkedInputTaskContractTest {

    /** The loss applies at each sequence's last step; the memoryless predictor outputs the targets' mean. */
    abstract static class MarkedInputContract extends TaskContractTest {

        abstract boolean hochreiter();

        @Override
        protected Map<String, Object> options() {
            return hochreiter() ? Map.of("lag", 40, "protocol", "hochreiter-1997") : Map.of("lag", 30);
        }

        /** reg-PLRNN: the last of T steps. Hochreiter & Schmidhuber: the last pair, whose marker is -1 (no marker falls there). */
        @Override
        protected boolean lossApplies(INDArray x, int b, int t) {
            return hochreiter() ? t > 0 && x.getDouble(b, 1, t) == -1 : t == 29;
        }

        @Override
        protected INDArray memorylessOutputs(int batch, int steps) {
            return constantOutputs(batch, steps, meanTargets());
        }
    }

    @Nested
    class AdditionRegPlrnn extends MarkedInputContract {
        @Override
        protected String kind() {
            return "addition";
        }

        @Override
        boolean hochreiter() {
            return false;
        }
    }

    @Nested
    class AdditionHochreiter extends MarkedInputContract {
        @Override
        protected String kind() {
            return "addition";
        }

        @Override
        boolean hochreiter() {
            return true;
        }
    }

    @Nested
    class MultiplicationRegPlrnn extends MarkedInputContract {
        @Override
        protected String kind() {
            return "multiplication";
        }

        @Override
        boolean hochreiter() {
            return false;
        }
    }

    @Nested
    class MultiplicationHochreiter extends MarkedInputContract {
        @Override
        protected String kind() {
            return "multiplication";
        }

        @Override
        boolean hochreiter() {
            return true;
        }
    }
}
