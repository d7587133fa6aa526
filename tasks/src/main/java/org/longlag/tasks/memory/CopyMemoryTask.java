package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The copying-memory problem of Arjovsky, Shah & Bengio 2016 ("Unitary evolution recurrent neural
 * networks", section 4.1): 10 symbols drawn from categories 1..8, then T - 1 blanks (0), a
 * delimiter (9), and 10 more blanks during which the model must output the 10 symbols; every other
 * output step's target is the blank. Length T + 20; inputs one-hot over 10 symbols, outputs logits
 * over 9 classes (blank and the 8 categories), softmax cross-entropy at every step. The memoryless
 * baseline (blanks, then a uniform guess among 8) has cross-entropy 10 log 8 / (T + 20) per step.
 */
public final class CopyMemoryTask implements Task {

    static final int SYMBOLS = 10;
    static final int CATEGORIES = 8;
    static final int IN = 10;
    static final int OUT = 9;
    static final int DELIMITER = 9;

    private final int lag;
    private final double solvedAccuracy;

    /**
     * @param lag            T, the number of blanks between the symbols and the recall (plus one)
     * @param solvedAccuracy fraction of recalled symbols correct that counts as solved
     */
    public CopyMemoryTask(int lag, double solvedAccuracy) {
        if (lag < 1) throw new IllegalArgumentException("lag must be at least 1, got " + lag);
        if (!(solvedAccuracy > 0 && solvedAccuracy <= 1)) throw new IllegalArgumentException("solved-accuracy must be in (0, 1], got " + solvedAccuracy);
        this.lag = lag;
        this.solvedAccuracy = solvedAccuracy;
    }

    @Override
    public String name() {
        return "copymemory";
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(IN, OUT, lag + SYMBOLS);
    }

    @Override
    public LossFunction loss() {
        return LossFunction.SOFTMAX_CROSS_ENTROPY;
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", name());
        m.put("lag", lag);
        m.put("solved_accuracy", solvedAccuracy);
        return m;
    }

    /** A token task: 10 symbols (blank, the 8 categories, the delimiter), one-hot. */
    @Override
    public java.util.OptionalInt vocabulary() {
        return java.util.OptionalInt.of(IN);
    }

    /** 10 log 8 / (T + 20): cross-entropy per step of the best memoryless predictor. */
    public double chanceCrossEntropy() {
        return SYMBOLS * Math.log(CATEGORIES) / (lag + 2 * SYMBOLS);
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int steps = lag + 2 * SYMBOLS;
        SequenceBatchBuilder batch = SequenceBatchBuilder.unmasked(size, IN, OUT, steps);
        for (int b = 0; b < size; b++) {
            int[] input = new int[steps];
            int[] target = new int[steps];
            for (int t = 0; t < SYMBOLS; t++) {
                input[t] = 1 + rng.nextInt(CATEGORIES);
                target[steps - SYMBOLS + t] = input[t];
            }
            input[lag + SYMBOLS - 1] = DELIMITER;
            for (int t = 0; t < steps; t++) {
                batch.oneHotInput(b, t, input[t]);
                batch.oneHotTarget(b, t, target[t]);
            }
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        INDArray labels = data.getLabels();
        long n = labels.size(0), steps = labels.size(2);
        if (outputs.size(0) != n || outputs.size(1) != OUT || outputs.size(2) != steps) {
            throw new IllegalArgumentException("outputs shape " + java.util.Arrays.toString(outputs.shape()) + " does not match labels " + java.util.Arrays.toString(labels.shape()));
        }
        double ce = 0;
        int correct = 0;
        double[] logits = new double[OUT];
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                int want = -1, best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < OUT; k++) {
                    logits[k] = outputs.getDouble(b, k, t);
                    if (labels.getDouble(b, k, t) == 1) want = k;
                    if (logits[k] > max) {
                        max = logits[k];
                        best = k;
                    }
                }
                double z = 0;
                for (double v : logits) z += Math.exp(v - max);
                ce += max + Math.log(z) - logits[want];
                if (t >= steps - SYMBOLS && best == want) correct++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double accuracy = correct / (double) (n * SYMBOLS);
        m.put("error", ce / (n * steps));
        m.put("cross_entropy", ce / (n * steps));
        m.put("recall_accuracy", accuracy);
        return new TaskScore(m, "recall_accuracy", accuracy >= solvedAccuracy, "recall_accuracy >= " + solvedAccuracy, chanceCrossEntropy());
    }

    @Override
    public String toString() {
        return "copymemory(lag " + lag + ")";
    }
}
