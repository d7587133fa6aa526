package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.tasks.registry.TaskCatalog;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Copy episodes in one sequence, more items in all than a memory holds. */
class CopyReuseTaskTest {

    @Test
    void theDefaultsAskForMoreItemsThanTheNtmsMemoryHoldsAndEachEpisodeFits() {
        CopyReuseTask task = (CopyReuseTask) TaskCatalog.discover().build("copy-reuse", Map.of());
        int rows = ModelCatalog.discover().settings("ntm", Map.of()).getInt("memory-rows");
        assertEquals(160, task.totalItems());
        assertTrue(task.totalItems() > rows, task.totalItems() + " items against the NTM's default " + rows + " memory rows");
        assertTrue(task.shape().maxLag() - 1 <= rows, "one episode alone fits in memory");
        assertEquals(640.0, task.score(task.next(2, new SplittableRandom(1)).getLabels(), task.next(2, new SplittableRandom(1))).chanceError(), 1e-9,
                "8 bits x 160 items / 2");
    }

    @Test
    void everyEpisodeIsACopy() {
        CopyReuseTask task = new CopyReuseTask(5, 4, 3, 0.1);
        DataSet d = task.next(50, new SplittableRandom(2));
        INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
        assertEquals(3 * 9, x.size(2), "E (2K + 1) steps");
        for (int b = 0; b < 50; b++) {
            for (int e = 0; e < 3; e++) {
                int start = 9 * e;
                for (int t = 0; t < 9; t++) {
                    boolean recall = t > 4;
                    assertEquals(t == 4 ? 1.0 : 0.0, x.getDouble(b, 5, start + t), "the delimiter after the K vectors");
                    assertEquals(recall ? 1.0 : 0.0, m.getDouble(b, start + t), "loss on the K recall steps");
                    for (int k = 0; k < 5; k++) {
                        if (t >= 4) assertEquals(0.0, x.getDouble(b, k, start + t), "no bits after the vectors");
                        assertEquals(recall ? x.getDouble(b, k, start + t - 5) : 0.0, y.getDouble(b, k, start + t), "recall of this episode's vectors");
                    }
                }
            }
        }
        assertEquals(List.of("episodes=6", "items=8"), List.copyOf(task.generalizationTasks().keySet()));
        assertEquals(6 * 9, task.generalizationTasks().get("episodes=6").next(1, new SplittableRandom(3)).getFeatures().size(2));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CopyReuseTask(8, 0, 10, 0.1)).getMessage().contains("lag"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CopyReuseTask(8, 16, 0, 0.1)).getMessage().contains("episodes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CopyReuseTask(0, 16, 10, 0.1)).getMessage().contains("width"));
    }
}
