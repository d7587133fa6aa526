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
 * Selective copying (Gu & Dao 2023, "Mamba: Linear-Time Sequence Modeling with Selective State
 * Spaces", section 4.1 and Fig. 2; the generator of state-spaces/s4
 * {@code src/dataloaders/datasets/copying.py} with {@code variable=True}): M data tokens at random
 * positions among noise, to be recalled in order after the noise ends. Unlike the copying-memory
 * problem, the spacing of the tokens varies, so a model must select them by content, not by time.
 *
 * <p>Tokens of a vocabulary of A: 0 is noise, 1..A-2 are data, A-1 the recall marker. The first T
 * steps hold the M data tokens (each uniform over 1..A-2) at M distinct positions drawn uniformly,
 * in order, and noise everywhere else; then M steps of the marker, at which the model must output
 * the data tokens one by one. Inputs one-hot over A ({@link #vocabulary()}); outputs are logits
 * over the A - 2 data tokens, softmax cross-entropy at the M recall steps (labels mask); accuracy
 * there decides. T + M steps per sequence.
 *
 * <p>Chance: each recalled token is uniform over the A - 2 data tokens, so the best predictor that
 * ignores the sequence is uniform: cross-entropy log(A - 2) (the score's chance error) and accuracy
 * 1/(A - 2).
 *
 * <p>The defaults (T = 100, M = 16, A = 16) are small enough for a CPU; the Mamba paper's setting is
 * 4096 steps.
 */
public final class SelectiveCopyTask implements Task {

    private final int length;
    private final int tokens;
    private final int vocabulary;
    private final double solvedAccuracy;

    /**
     * @param length         T, steps holding the data tokens among noise
     * @param tokens         M, data tokens to copy
     * @param vocabulary     A, tokens (noise, A - 2 data tokens, the marker)
     * @param solvedAccuracy accuracy at the recall steps that counts as solved
     */
    public SelectiveCopyTask(int length, int tokens, int vocabulary, double solvedAccuracy) {
        if (tokens < 1) throw new IllegalArgumentException("tokens must be at least 1, got " + tokens);
        if (length < tokens) throw new IllegalArgumentException("lag (steps holding the tokens) must be at least tokens " + tokens + ", got " + length);
        if (vocabulary < 4) throw new IllegalArgumentException("vocabulary must be at least 4 (noise, marker and two data tokens), got " + vocabulary);
        if (!(solvedAccuracy > 0 && solvedAccuracy <= 1)) throw new IllegalArgumentException("solved-accuracy must be in (0, 1], got " + solvedAccuracy);
        this.length = length;
        this.tokens = tokens;
        this.vocabulary = vocabulary;
        this.solvedAccuracy = solvedAccuracy;
    }

    @Override
    public String name() {
        return "selective-copy";
    }

    /** The data tokens, A - 2: the output classes (class c is token c + 1). */
    public int dataTokens() {
        return vocabulary - 2;
    }

    /** The lag: from a token among the first steps to its recall, at most T steps. */
    @Override
    public TaskShape shape() {
        return new TaskShape(vocabulary, dataTokens(), length);
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
        m.put("length", length);
        m.put("tokens", tokens);
        m.put("vocabulary", vocabulary);
        m.put("solved_accuracy", solvedAccuracy);
        return m;
    }

    /** The same tokens among 2x and 4x as many steps. */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        for (int f : new int[] {2, 4}) m.put("length=" + f * length, new SelectiveCopyTask(f * length, tokens, vocabulary, solvedAccuracy));
        return m;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int marker = vocabulary - 1;
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(size, vocabulary, dataTokens(), length + tokens);
        for (int b = 0; b < size; b++) {
            int[] data = new int[tokens];
            for (int i = 0; i < tokens; i++) data[i] = 1 + rng.nextInt(dataTokens());
            int[] positions = Draws.distinct(rng, 0, length, tokens);
            java.util.Arrays.sort(positions);
            int[] input = new int[length]; // noise (0) where no data token is
            for (int i = 0; i < tokens; i++) input[positions[i]] = data[i];
            for (int t = 0; t < length; t++) batch.oneHotInput(b, t, input[t]);
            for (int i = 0; i < tokens; i++) {
                batch.oneHotInput(b, length + i, marker);
                batch.oneHotTarget(b, length + i, data[i] - 1);
                batch.lossAt(b, length + i);
            }
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        return TokenRecall.score(outputs, data, dataTokens(), solvedAccuracy);
    }

    @Override
    public String toString() {
        return "selective-copy(" + tokens + " tokens among " + length + " steps, vocabulary " + vocabulary + ")";
    }
}
