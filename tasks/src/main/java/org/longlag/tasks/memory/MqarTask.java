package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Multi-query associative recall, MQAR (Arora et al. 2023, "Zoology: Measuring and Improving
 * Recall in Efficient Language Models"; the protocol of HazyResearch/zoology
 * {@code zoology/data/associative_recall.py}, {@code _mqar}): D key-value pairs, then every key
 * once more as a query, at which the model must output its value.
 *
 * <p>Tokens of a vocabulary of V: keys are 1..V/2 - 1, values V/2..V - 1 (integer halves). A
 * sequence of length T starts with k_1 v_1 ... k_D v_D (D distinct keys, D distinct values, each
 * uniform); the remaining T - 2D steps hold (T - 2D)/2 slots at even offsets, and key i is queried
 * in slot g_i, the g drawn without replacement with probability proportional to (g + 1)^(a - 1)
 * (a power law favouring short gaps; a = 0.01 as Zoology, a = 1 uniform). Every other step of the
 * query part is a random token uniform over the whole vocabulary (Zoology's
 * {@code random_non_queries}, option {@code noise-tokens}) or token 0. Inputs one-hot over V
 * ({@link #vocabulary()}); outputs are logits over the V - V/2 values (a query's target is always a
 * value: the paper's language-model head over all V tokens has the same chance level), softmax
 * cross-entropy at the D query positions (labels mask); accuracy there decides.
 *
 * <p>Chance: a query's value is uniform over the V - V/2 values whatever the sequence length or
 * position, so the best predictor that ignores the sequence is uniform over them: cross-entropy
 * log(V - V/2) (the score's chance error) and accuracy 1/(V - V/2).
 *
 * <p>The defaults (V = 128, T = 64, D = 8) are small enough for a CPU; Zoology's experiments use
 * V = 8192 (and T from 64 to 512, D from 4 to 64).
 */
public final class MqarTask implements Task {

    private final int vocabulary;
    private final int length;
    private final int pairs;
    private final double powerA;
    private final boolean noise;
    private final double solvedAccuracy;

    /**
     * @param vocabulary     V, tokens (keys, values and the noise between queries)
     * @param length         T, steps per sequence
     * @param pairs          D, key-value pairs (all queried)
     * @param powerA         a of the power law of query gaps (1: uniform)
     * @param noise          random tokens between the queries (else token 0)
     * @param solvedAccuracy accuracy at the queries that counts as solved
     */
    public MqarTask(int vocabulary, int length, int pairs, double powerA, boolean noise, double solvedAccuracy) {
        if (pairs < 1) throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        if (vocabulary / 2 - 1 < pairs) {
            throw new IllegalArgumentException("vocabulary " + vocabulary + " has " + Math.max(0, vocabulary / 2 - 1) + " keys (1..V/2 - 1), fewer than pairs " + pairs);
        }
        if (length < 4 * pairs) throw new IllegalArgumentException("lag (the sequence length) must be at least 4 x pairs = " + 4 * pairs + ", got " + length);
        if (!(powerA > 0) || Double.isInfinite(powerA)) throw new IllegalArgumentException("power-a must be positive, got " + powerA);
        if (!(solvedAccuracy > 0 && solvedAccuracy <= 1)) throw new IllegalArgumentException("solved-accuracy must be in (0, 1], got " + solvedAccuracy);
        this.vocabulary = vocabulary;
        this.length = length;
        this.pairs = pairs;
        this.powerA = powerA;
        this.noise = noise;
        this.solvedAccuracy = solvedAccuracy;
    }

    @Override
    public String name() {
        return "mqar";
    }

    /** Values V - V/2: the output classes. */
    public int values() {
        return vocabulary - vocabulary / 2;
    }

    private int firstValue() {
        return vocabulary / 2;
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(vocabulary, values(), length);
    }

    @Override
    public OptionalInt vocabulary() {
        return OptionalInt.of(vocabulary);
    }

    @Override
    public LossFunction loss() {
        return LossFunction.SOFTMAX_CROSS_ENTROPY;
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", name());
        m.put("vocabulary", vocabulary);
        m.put("length", length);
        m.put("pairs", pairs);
        m.put("power_a", powerA);
        m.put("noise", noise);
        m.put("solved_accuracy", solvedAccuracy);
        return m;
    }

    /** Longer sequences with proportionally more pairs (2x and 4x), as far as the vocabulary has keys. */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        for (int f : new int[] {2, 4}) {
            if (f * pairs <= vocabulary / 2 - 1) {
                m.put("length=" + f * length + ",pairs=" + f * pairs, new MqarTask(vocabulary, f * length, f * pairs, powerA, noise, solvedAccuracy));
            }
        }
        return m;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int context = 2 * pairs, slots = (length - context) / 2;
        double[] gapWeight = new double[slots];
        for (int g = 0; g < slots; g++) gapWeight[g] = Math.pow(g + 1, powerA - 1);
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(size, vocabulary, values(), length);
        for (int b = 0; b < size; b++) {
            int[] keys = Draws.distinct(rng, 1, vocabulary / 2 - 1, pairs);
            int[] values = Draws.distinct(rng, firstValue(), values(), pairs);
            int[] gaps = Draws.weightedWithoutReplacement(rng, gapWeight, pairs);
            boolean[] query = new boolean[length];
            for (int i = 0; i < pairs; i++) {
                batch.oneHotInput(b, 2 * i, keys[i]);
                batch.oneHotInput(b, 2 * i + 1, values[i]);
                int at = context + 2 * gaps[i];
                query[at] = true;
                batch.oneHotInput(b, at, keys[i]);
                batch.oneHotTarget(b, at, values[i] - firstValue());
                batch.lossAt(b, at);
            }
            for (int t = context; t < length; t++) {
                if (!query[t]) batch.oneHotInput(b, t, noise ? rng.nextInt(vocabulary) : 0);
            }
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        return TokenRecall.score(outputs, data, values(), solvedAccuracy);
    }

    @Override
    public String toString() {
        return "mqar(vocabulary " + vocabulary + ", length " + length + ", " + pairs + " pairs)";
    }
}
