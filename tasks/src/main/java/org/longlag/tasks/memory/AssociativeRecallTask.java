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
 * Associative recall (Graves, Wayne & Danihelka 2014, "Neural Turing Machines", section 4.3): a
 * list of n items, each item m random {@code width}-bit vectors (bits Bernoulli(1/2); the paper:
 * m = 3 vectors of 6 bits, n uniform in 2..6 in training), then one of the items again as a
 * query; the model must output the item that followed the queried one in the list.
 *
 * <p>Layout, with blocks of m + 1 steps: item i's block is a step with the item delimiter (input
 * channel {@code width}) and its m vectors; then the query delimiter (channel {@code width + 1}),
 * the queried item's m vectors and the query delimiter again, so that, as in the paper, every item
 * is bounded by delimiters on both sides; then m silent steps during which the model outputs the
 * next item. The queried item is uniform among the first n - 1 (each has a successor). A sequence
 * of n items has (n + 2)(m + 1) steps; sequences of different n share a batch, padded at the end.
 * Inputs [batch, width + 2, time]; outputs are {@code width} logits per step with binary
 * cross-entropy on the m output steps (labels mask). Cost: wrong bits per sequence after
 * thresholding at 0.5, solved at or below {@code solvedBits}, as the copy task.
 *
 * <p>Chance: the target item's bits are independent fair coins, whatever the rest of the sequence,
 * so any output that ignores the sequence gets each bit wrong with probability exactly 1/2: the
 * best memoryless cost is m * width / 2 wrong bits per sequence (9 for the paper's items).
 */
public final class AssociativeRecallTask implements Task {

    private final int width;
    private final int itemLength;
    private final int minItems;
    private final int maxItems;
    private final double solvedBits;

    /**
     * @param width      bits per vector (6 in the paper)
     * @param itemLength vectors per item (3 in the paper)
     * @param minItems   fewest items in a sequence (2 in the paper's training)
     * @param maxItems   most items in a sequence (6 in the paper's training)
     * @param solvedBits wrong bits per sequence at or below which the task counts as solved
     */
    public AssociativeRecallTask(int width, int itemLength, int minItems, int maxItems, double solvedBits) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        if (itemLength < 1) throw new IllegalArgumentException("item-length must be at least 1, got " + itemLength);
        if (minItems < 2) throw new IllegalArgumentException("min-items must be at least 2 (the queried item needs a successor), got " + minItems);
        if (maxItems < minItems) throw new IllegalArgumentException("lag (the most items) must be at least min-items " + minItems + ", got " + maxItems);
        if (!(solvedBits >= 0)) throw new IllegalArgumentException("solved-bits must be non-negative, got " + solvedBits);
        this.width = width;
        this.itemLength = itemLength;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.solvedBits = solvedBits;
    }

    /** The paper's training distribution: 2-6 items of 3 six-bit vectors, solved below 0.1 wrong bits per sequence. */
    public static AssociativeRecallTask graves2014() {
        return new AssociativeRecallTask(6, 3, 2, 6, 0.1);
    }

    @Override
    public String name() {
        return "associative-recall";
    }

    /** The lag: from the second item, the successor of a query of the first, to its recall, n (m + 1) steps. */
    @Override
    public TaskShape shape() {
        return new TaskShape(width + 2, width, maxItems * (itemLength + 1));
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
        m.put("item_length", itemLength);
        m.put("min_items", minItems);
        m.put("max_items", maxItems);
        m.put("solved_bits", solvedBits);
        return m;
    }

    /** Fixed counts of 8, 12 and 16 items (those at or below the training maximum are skipped). */
    @Override
    public Map<String, Task> generalizationTasks() {
        Map<String, Task> m = new LinkedHashMap<>();
        for (int n : new int[] {8, 12, 16}) {
            if (n > maxItems) m.put("items=" + n, new AssociativeRecallTask(width, itemLength, n, n, solvedBits));
        }
        return m;
    }

    /** Steps of a sequence of {@code items} items. */
    int steps(int items) {
        return (items + 2) * (itemLength + 1);
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int[] items = new int[size], steps = new int[size];
        for (int b = 0; b < size; b++) {
            items[b] = minItems + rng.nextInt(maxItems - minItems + 1);
            steps[b] = steps(items[b]);
        }
        int block = itemLength + 1, itemDelimiter = width, queryDelimiter = width + 1;
        SequenceBatchBuilder batch = SequenceBatchBuilder.padded(steps, width + 2, width);
        for (int b = 0; b < size; b++) {
            int n = items[b];
            boolean[][][] bits = new boolean[n][itemLength][width];
            for (int i = 0; i < n; i++) {
                batch.input(b, i * block, itemDelimiter, 1);
                for (int j = 0; j < itemLength; j++) {
                    for (int k = 0; k < width; k++) {
                        bits[i][j][k] = rng.nextBoolean();
                        if (bits[i][j][k]) batch.input(b, i * block + 1 + j, k, 1);
                    }
                }
            }
            int query = rng.nextInt(n - 1);
            int queryStart = n * block, recallStart = (n + 1) * block + 1;
            batch.input(b, queryStart, queryDelimiter, 1);
            batch.input(b, queryStart + block, queryDelimiter, 1);
            for (int j = 0; j < itemLength; j++) {
                for (int k = 0; k < width; k++) {
                    if (bits[query][j][k]) batch.input(b, queryStart + 1 + j, k, 1);
                    if (bits[query + 1][j][k]) batch.target(b, recallStart + j, k, 1);
                }
                batch.lossAt(b, recallStart + j);
            }
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        return WrongBits.score(outputs, data, width, solvedBits, recallSteps -> width * recallSteps / 2);
    }

    /** m * width / 2: the wrong bits per sequence of any output that ignores the sequence. */
    public double chanceBits() {
        return width * itemLength / 2.0;
    }

    @Override
    public String toString() {
        return "associative-recall(" + minItems + ".." + maxItems + " items of " + itemLength + " x " + width + " bits)";
    }
}
