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
 * Copy with memory reuse: several copy episodes in one sequence, after the demonstration of
 * dynamic memory allocation in Graves et al. 2016 ("Hybrid computing using a neural network with
 * dynamic external memory", Nature; the copy of a series of sequences with a memory too small to
 * hold them all). Each episode is a copy task of K random {@code width}-bit vectors (bits
 * Bernoulli(1/2)): the K vectors, a delimiter (input channel {@code width}), then K steps in which
 * the model writes them back. An episode's vectors are never asked for again once recalled, so a
 * memory-augmented model may free their rows for the next episode.
 *
 * <p>The task asks for E K items in all; the point is to choose E K larger than the model's memory
 * (its rows, e.g. an NTM's {@code memory-rows}), which the user does. The defaults, 10 episodes of
 * 16 items (160 items), exceed the 128 memory rows of longlag's NTM default, while each episode
 * alone fits easily: a model that never reuses memory runs out of rows in the ninth episode.
 *
 * <p>Inputs [batch, width + 1, E (2K + 1)], outputs {@code width} logits per step with binary
 * cross-entropy on the E K recall steps (labels mask). Cost: wrong bits per sequence after
 * thresholding at 0.5, solved at or below {@code solvedBits}. Chance: the recalled bits are fair
 * coins, so any output that ignores the sequence gets half of them wrong: width E K / 2 wrong bits
 * per sequence (640 at the defaults).
 */
public final class CopyReuseTask implements Task {

    private final int width;
    private final int items;
    private final int episodes;
    private final double solvedBits;

    /**
     * @param width      bits per vector
     * @param items      K, vectors copied in each episode
     * @param episodes   E, copy episodes in one sequence
     * @param solvedBits wrong bits per sequence at or below which the task counts as solved
     */
    public CopyReuseTask(int width, int items, int episodes, double solvedBits) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        if (items < 1) throw new IllegalArgumentException("lag (items per episode) must be at least 1, got " + items);
        if (episodes < 1) throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
        if (!(solvedBits >= 0)) throw new IllegalArgumentException("solved-bits must be non-negative, got " + solvedBits);
        this.width = width;
        this.items = items;
        this.episodes = episodes;
        this.solvedBits = solvedBits;
    }

    @Override
    public String name() {
        return "copy-reuse";
    }

    /** Items the whole sequence asks a model to store, E K. */
    public int totalItems() {
        return items * episodes;
    }

    /** The lag within an episode: K + 1 steps from a vector to its recall. */
    @Override
    public TaskShape shape() {
        return new TaskShape(width + 1, width, items + 1);
    }

    @Override
    public LossFunction loss() {
        return LossFunction.BINARY_CROSS_ENTROPY;
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", name());
        m.put("width", width);
        m.put("items", items);
        m.put("episodes", episodes);
        m.put("total_items", totalItems());
        m.put("solved_bits", solvedBits);
        return m;
    }

    /** Twice the episodes (twice the items to cycle through memory) and twice the items per episode. */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        m.put("episodes=" + 2 * episodes, new CopyReuseTask(width, items, 2 * episodes, solvedBits));
        m.put("items=" + 2 * items, new CopyReuseTask(width, 2 * items, episodes, solvedBits));
        return m;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int episode = 2 * items + 1;
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(size, width + 1, width, episodes * episode);
        for (int b = 0; b < size; b++) {
            for (int e = 0; e < episodes; e++) {
                int start = e * episode, recall = start + items + 1;
                for (int t = 0; t < items; t++) {
                    for (int k = 0; k < width; k++) {
                        if (!rng.nextBoolean()) continue;
                        batch.input(b, start + t, k, 1);
                        batch.target(b, recall + t, k, 1);
                    }
                    batch.lossAt(b, recall + t);
                }
                batch.input(b, start + items, width, 1); // delimiter
            }
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        return WrongBits.score(outputs, data, width, solvedBits, recallSteps -> width * recallSteps / 2);
    }

    @Override
    public String toString() {
        return "copy-reuse(" + episodes + " episodes of " + items + " x " + width + " bits)";
    }
}
