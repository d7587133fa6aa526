package org.longlag.tasks.memory;

import java.util.Map;
import org.longlag.tasks.TaskContractTest;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The task contract for MQAR at its defaults but with token 0 between the queries: with random
 * tokens there, a key can appear by chance where no query is, and where the loss applies is not
 * readable from the inputs alone ({@code MqarTaskTest} checks the random tokens).
 */
class MqarTaskContractTest extends TaskContractTest {

    @Override
    protected String kind() {
        return "mqar";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("noise-tokens", false);
    }

    /** A key (token 1..63) after the context, whose last step is the last value (token 64..127). */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        int[][] tokens = tokens(x);
        int lastValue = -1;
        for (int s = 0; s < tokens[b].length; s++) if (tokens[b][s] >= 64) lastValue = s;
        return t > lastValue && tokens[b][t] >= 1 && tokens[b][t] < 64;
    }

    private INDArray read;
    private int[][] tokens;

    /** The token at every step (the features' argmax), read once per batch. */
    private int[][] tokens(INDArray x) {
        if (x != read) {
            INDArray argmax = x.argMax(1);
            tokens = argmax.toIntMatrix();
            read = x;
        }
        return tokens;
    }

    /** Uniform over the 64 values. */
    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        return constantOutputs(batch, steps, new double[64]);
    }

    /** Uniform logits score exactly log(classes) on every batch: a few sequences per batch suffice. */
    @Override
    protected int chanceBatchSize() {
        return 100;
    }
}
