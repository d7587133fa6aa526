package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class CopyTasksTest {

    @Test
    void copySequencesHaveTheirRecallAfterTheDelimiter() {
        CopyTask task = CopyTask.graves2014();
        DataSet d = task.next(200, new SplittableRandom(1));
        INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
        assertEquals(9, x.size(1));
        assertEquals(8, y.size(1));
        long steps = x.size(2);
        for (int b = 0; b < 200; b++) {
            int delimiter = -1;
            for (int t = 0; t < steps; t++) if (x.getDouble(b, 8, t) == 1) delimiter = t;
            int len = delimiter;
            assertTrue(len >= 1 && len <= 20, "length " + len);
            for (int t = 0; t < steps; t++) {
                boolean recall = t > len && t <= 2 * len;
                assertEquals(recall ? 1.0 : 0.0, m.getDouble(b, t), "mask at " + t);
                for (int k = 0; k < 8; k++) {
                    if (recall) assertEquals(x.getDouble(b, k, t - len - 1), y.getDouble(b, k, t));
                    if (t >= len) assertEquals(0.0, x.getDouble(b, k, t), "no data after the delimiter");
                }
            }
        }
    }

    @Test
    void copyCostCountsWrongBitsAfterThresholding() {
        CopyTask task = new CopyTask(8, 5, 5, 0.1);
        DataSet d = task.next(10, new SplittableRandom(2));
        INDArray perfectLogits = d.getLabels().mul(2).sub(1).mul(5); // +5 for a 1 bit, -5 for a 0 bit
        TaskScore s = task.score(perfectLogits, d);
        assertEquals(0.0, s.get("bits_per_sequence"));
        assertTrue(s.solved());
        INDArray flipped = perfectLogits.neg();
        TaskScore w = task.score(flipped, d);
        assertEquals(40.0, w.get("bits_per_sequence"), 1e-9, "all 8 x 5 bits wrong");
        assertFalse(w.solved());
        assertEquals(20.0, w.chanceError(), 1e-9, "memoryless: half of 8 x 5 bits");
        assertEquals(3, CopyTask.graves2014().generalizationTasks().size());
    }

    /** Length of sequence b of a copy batch: the step of its delimiter. */
    private static int length(INDArray x, int b) {
        for (int t = 0; t < x.size(2); t++) if (x.getDouble(b, 8, t) == 1) return t;
        throw new AssertionError("no delimiter in sequence " + b);
    }

    @Test
    void sameLengthTrainingBatchesShareOneLengthWhileEvaluationSetsMix() {
        CopyTask task = new CopyTask(8, 1, 20, 0.1, CopyTask.BatchLengths.SAME);
        SplittableRandom rng = new SplittableRandom(3);
        java.util.Set<Integer> batchLengths = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            DataSet d = task.trainingBatches().next(8, rng);
            int len = length(d.getFeatures(), 0);
            for (int b = 1; b < 8; b++) assertEquals(len, length(d.getFeatures(), b), "one length per training batch");
            assertEquals(2 * len + 1, d.getFeatures().size(2), "no padding");
            assertEquals(8.0 * len, d.getLabelsMaskArray().sumNumber().doubleValue(), "recall steps masked");
            batchLengths.add(len);
        }
        assertTrue(batchLengths.size() > 10, "lengths drawn anew for every batch: " + batchLengths);
        assertTrue(batchLengths.stream().allMatch(l -> l >= 1 && l <= 20));
        DataSet eval = task.next(50, new SplittableRandom(4));
        java.util.Set<Integer> evalLengths = new java.util.HashSet<>();
        for (int b = 0; b < 50; b++) evalLengths.add(length(eval.getFeatures(), b));
        assertTrue(evalLengths.size() > 5, "validation and test sets mix lengths: " + evalLengths);
        CopyTask mixed = CopyTask.graves2014();
        org.junit.jupiter.api.Assertions.assertSame(mixed, mixed.trainingBatches(), "mixed: training batches are the task's own");
        var e = assertThrows(IllegalArgumentException.class, () -> CopyTask.BatchLengths.parse("sorted"));
        assertTrue(e.getMessage().contains("batch-lengths"), e.getMessage());
    }

    @Test
    void copyMemoryLayoutFollowsArjovsky() {
        int lag = 30;
        CopyMemoryTask task = new CopyMemoryTask(lag, 0.95);
        DataSet d = task.next(50, new SplittableRandom(3));
        INDArray x = d.getFeatures(), y = d.getLabels();
        assertEquals(lag + 20, x.size(2));
        for (int b = 0; b < 50; b++) {
            for (int t = 0; t < lag + 20; t++) {
                int in = argmax(x, b, t), out = argmax(y, b, t);
                if (t < 10) assertTrue(in >= 1 && in <= 8, "symbol at " + t);
                else if (t == lag + 9) assertEquals(9, in, "delimiter");
                else assertEquals(0, in, "blank at " + t);
                if (t >= lag + 10) assertEquals(argmax(x, b, t - lag - 10), out, "recall");
                else assertEquals(0, out, "blank target at " + t);
            }
        }
    }

    @Test
    void copyMemoryBaselineIsTheMemorylessCrossEntropy() {
        int lag = 100;
        CopyMemoryTask task = new CopyMemoryTask(lag, 0.95);
        DataSet d = task.next(200, new SplittableRandom(4));
        // the memoryless predictor: blank with certainty until the last 10 steps, then uniform over the 8 categories
        INDArray blankSure = Nd4j.zeros(200, 9, lag + 20).assign(-1e4);
        for (int b = 0; b < 200; b++) {
            for (int t = 0; t < lag + 10; t++) blankSure.putScalar(new int[] {b, 0, t}, 0);
            for (int t = lag + 10; t < lag + 20; t++) for (int k = 1; k <= 8; k++) blankSure.putScalar(new int[] {b, k, t}, 0);
        }
        TaskScore s = task.score(blankSure, d);
        assertEquals(10 * Math.log(8) / 120, s.get("cross_entropy"), 1e-9);
        assertEquals(task.chanceCrossEntropy(), s.chanceError(), 1e-12);
        assertEquals(1.0, task.score(d.getLabels().mul(20), d).get("recall_accuracy"));
    }

    @Test
    void badValuesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CopyTask(8, 5, 3, 0.1));
        assertTrue(e.getMessage().contains("lag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CopyMemoryTask(0, 0.9));
        assertTrue(e.getMessage().contains("lag"), e.getMessage());
    }

    private static int argmax(INDArray a, int b, int t) {
        int best = 0;
        for (int k = 1; k < a.size(1); k++) if (a.getDouble(b, k, t) > a.getDouble(b, best, t)) best = k;
        return best;
    }
}
