package org.example.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.cell.Initializers;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Delayed recall: one of K symbols is shown at step 0, followed by T - 1 steps of noise; at step T
 * a cue asks for the symbol. T + 1 steps per sequence.
 *
 * <p>Inputs K + 1 channels: step 0 the symbol one-hot on channels 0..K-1; steps 1..T-1 independent
 * N(0, noise^2) values on those same channels (distractors the model must not store); step T a 1 on
 * the cue channel K and nothing else. Outputs are logits over the K symbols, softmax cross-entropy
 * at step T only (labels mask); the accuracy there decides.
 *
 * <p>Chance: the symbol is uniform over K and independent of everything a memoryless predictor
 * sees, so its best output is uniform: cross-entropy log K (the score's chance error), accuracy 1/K.
 *
 * <p>Built with {@link SequenceBatchBuilder}; written only against longlag's public API and
 * registered by its kind ({@link DelayedRecallKind}).
 */
public final class DelayedRecallTask implements Task {

    private final int lag;
    private final int symbols;
    private final double noise;
    private final double solvedAccuracy;

    /**
     * @param lag            T, steps from the symbol to its recall, at least 1
     * @param symbols        K, at least 2
     * @param noise          standard deviation of the distractors, at least 0
     * @param solvedAccuracy accuracy at the recall step that counts as solved, in (1/K, 1]
     */
    public DelayedRecallTask(int lag, int symbols, double noise, double solvedAccuracy) {
        if (lag < 1) throw new IllegalArgumentException("lag must be at least 1, got " + lag);
        if (symbols < 2) throw new IllegalArgumentException("symbols must be at least 2, got " + symbols);
        if (!(noise >= 0) || !Double.isFinite(noise)) throw new IllegalArgumentException("noise must be finite and at least 0, got " + noise);
        if (!(solvedAccuracy > 1.0 / symbols && solvedAccuracy <= 1)) {
            throw new IllegalArgumentException("solved-accuracy must be in (1/symbols, 1] = (" + 1.0 / symbols + ", 1], got " + solvedAccuracy);
        }
        this.lag = lag;
        this.symbols = symbols;
        this.noise = noise;
        this.solvedAccuracy = solvedAccuracy;
    }

    @Override
    public String name() {
        return "delayed-recall";
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(symbols + 1, symbols, lag);
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
        m.put("symbols", symbols);
        m.put("noise", noise);
        m.put("solved_accuracy", solvedAccuracy);
        return m;
    }

    /** The same recall after twice the lag: does the memory last beyond what training asked for? */
    @Override
    public Map<String, Task> generalizationTasks() {
        return Map.of("lag=" + 2 * lag, new DelayedRecallTask(2 * lag, symbols, noise, solvedAccuracy));
    }

    @Override
    public org.nd4j.linalg.dataset.DataSet next(int size, SplittableRandom rng) {
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(size, symbols + 1, symbols, lag + 1);
        for (int b = 0; b < size; b++) {
            int symbol = rng.nextInt(symbols);
            batch.oneHotInput(b, 0, symbol);
            for (int t = 1; t < lag; t++) {
                for (int k = 0; k < symbols; k++) batch.input(b, t, k, noise * Initializers.nextGaussian(rng));
            }
            batch.input(b, lag, symbols, 1.0);
            batch.oneHotTarget(b, lag, symbol);
            batch.lossAt(b, lag);
        }
        return batch.build();
    }

    /**
     * Metrics "error" and "cross_entropy" (at the recall step, per sequence) and "accuracy" (argmax,
     * ties to the lower symbol); solved at accuracy &gt;= solved-accuracy; chance error log K.
     */
    @Override
    public TaskScore score(INDArray outputs, DataSet data) {
        INDArray labels = data.getLabels();
        long n = labels.size(0);
        if (outputs.size(0) != n || outputs.size(1) != symbols || outputs.size(2) != labels.size(2)) {
            throw new IllegalArgumentException("outputs shape " + java.util.Arrays.toString(outputs.shape())
                    + " does not match the labels' " + java.util.Arrays.toString(labels.shape()));
        }
        int t = (int) labels.size(2) - 1;
        double crossEntropy = 0;
        int correct = 0;
        for (int b = 0; b < n; b++) {
            int want = -1, best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < symbols; k++) {
                double v = outputs.getDouble(b, k, t);
                if (labels.getDouble(b, k, t) == 1) want = k;
                if (v > max) {
                    max = v;
                    best = k;
                }
            }
            if (want < 0) throw new IllegalArgumentException("no target symbol at sequence " + b + "'s last step: not a delayed-recall data set");
            double z = 0;
            for (int k = 0; k < symbols; k++) z += Math.exp(outputs.getDouble(b, k, t) - max);
            crossEntropy += max + Math.log(z) - outputs.getDouble(b, want, t);
            if (best == want) correct++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double accuracy = correct / (double) n;
        m.put("error", crossEntropy / n);
        m.put("cross_entropy", crossEntropy / n);
        m.put("accuracy", accuracy);
        return new TaskScore(m, "accuracy", accuracy >= solvedAccuracy, "accuracy >= " + solvedAccuracy, Math.log(symbols));
    }

    @Override
    public String toString() {
        return "delayed-recall(" + symbols + " symbols, lag " + lag + ", noise " + noise + ")";
    }
}
