package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Selective copying as the Mamba paper (and the S4 repository's generator) set it. */
class SelectiveCopyTaskTest {

    @Test
    void theScatteredTokensAreRecalledInOrderAfterTheNoise() {
        SelectiveCopyTask task = new SelectiveCopyTask(40, 5, 8, 0.99);
        DataSet d = task.next(2000, new SplittableRandom(1));
        int[][] tokens = d.getFeatures().argMax(1).toIntMatrix();
        INDArray y = d.getLabels(), m = d.getLabelsMaskArray();
        int[] firstPosition = new int[40], tokenCount = new int[8];
        for (int b = 0; b < 2000; b++) {
            int[] s = tokens[b];
            assertEquals(45, s.length);
            java.util.List<Integer> data = new java.util.ArrayList<>();
            int first = -1;
            for (int t = 0; t < 40; t++) {
                assertTrue(s[t] <= 6, "noise (0) and data tokens (1..6) before the recall, got " + s[t]);
                if (s[t] != 0) {
                    if (first < 0) first = t;
                    data.add(s[t]);
                    tokenCount[s[t]]++;
                }
                assertEquals(0.0, m.getDouble(b, t), "no loss before the recall");
            }
            firstPosition[first]++;
            assertEquals(5, data.size(), "5 data tokens");
            for (int i = 0; i < 5; i++) {
                assertEquals(7, s[40 + i], "the recall marker");
                assertEquals(1.0, m.getDouble(b, 40 + i));
                assertEquals(1.0, y.getDouble(b, data.get(i) - 1, 40 + i), "token " + i + " recalled in order");
            }
        }
        for (int v = 1; v <= 6; v++) assertEquals(2000 * 5 / 6.0, tokenCount[v], 4 * Math.sqrt(2000 * 5 / 6.0), "data tokens uniform over 1..6");
        // the first token's position varies: P(first = 0) = 5/40
        assertEquals(2000 * 5 / 40.0, firstPosition[0], 4 * Math.sqrt(2000 * 5 / 40.0 * 35 / 40));
        assertTrue(firstPosition[10] > 0, "the first token can come late");
    }

    @Test
    void chanceIsUniformOverTheDataTokensAndGeneralizationLengthens() {
        SelectiveCopyTask task = new SelectiveCopyTask(100, 16, 16, 0.99);
        DataSet d = task.next(4, new SplittableRandom(2));
        assertEquals(Math.log(14), task.score(d.getLabels().mul(20), d).chanceError(), 1e-12);
        assertEquals(1.0, task.score(d.getLabels().mul(20), d).get("accuracy"));
        assertEquals(List.of("length=200", "length=400"), List.copyOf(task.generalizationTasks().keySet()));
        assertEquals(416, task.generalizationTasks().get("length=400").next(1, new SplittableRandom(3)).getFeatures().size(2));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SelectiveCopyTask(10, 11, 16, 0.99)).getMessage().contains("lag"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SelectiveCopyTask(10, 0, 16, 0.99)).getMessage().contains("tokens"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SelectiveCopyTask(10, 4, 3, 0.99)).getMessage().contains("vocabulary"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SelectiveCopyTask(10, 4, 16, 0)).getMessage().contains("solved-accuracy"));
    }
}
