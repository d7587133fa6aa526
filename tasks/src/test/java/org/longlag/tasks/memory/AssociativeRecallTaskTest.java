package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Associative recall as Graves et al. 2014 (section 4.3) set it: items between delimiters, a query, the next item. */
class AssociativeRecallTaskTest {

    /** The 18 bits of the 3 vectors starting at step {@code start}. */
    private static int[] bits(INDArray a, int b, int start) {
        int[] v = new int[18];
        for (int j = 0; j < 3; j++) for (int k = 0; k < 6; k++) v[j * 6 + k] = (int) a.getDouble(b, k, start + j);
        return v;
    }

    @Test
    void theTargetIsTheItemAfterTheQueriedOne() {
        DataSet d = AssociativeRecallTask.graves2014().next(400, new SplittableRandom(1));
        INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
        Set<Integer> counts = new TreeSet<>(), queried = new TreeSet<>();
        for (int b = 0; b < 400; b++) {
            List<Integer> delimiters = new ArrayList<>(), queryDelimiters = new ArrayList<>();
            for (int t = 0; t < x.size(2); t++) {
                if (x.getDouble(b, 6, t) == 1) delimiters.add(t);
                if (x.getDouble(b, 7, t) == 1) queryDelimiters.add(t);
            }
            int n = delimiters.size();
            counts.add(n);
            for (int i = 0; i < n; i++) assertEquals(4 * i, delimiters.get(i), "an item delimiter opens each block of 1 + 3 steps");
            assertEquals(List.of(4 * n, 4 * n + 4), queryDelimiters, "the query is bounded by query delimiters");
            int[] query = bits(x, b, 4 * n + 1);
            int q = -1;
            for (int i = 0; i < n && q < 0; i++) if (java.util.Arrays.equals(query, bits(x, b, 4 * i + 1))) q = i;
            assertTrue(q >= 0 && q < n - 1, "the query is one of the items with a successor, got " + q + " of " + n);
            queried.add(q);
            assertArrayEqualsBits(bits(x, b, 4 * (q + 1) + 1), bits(y, b, 4 * n + 5), "the target is the next item");
            for (int t = 0; t < x.size(2); t++) {
                boolean output = t >= 4 * n + 5 && t < 4 * n + 8;
                assertEquals(output ? 1.0 : 0.0, m.getDouble(b, t), "loss only on the 3 output steps, at " + t);
                if (output || t >= 4 * n + 8 || delimiters.contains(t) || queryDelimiters.contains(t)) {
                    for (int k = 0; k < 6; k++) assertEquals(0.0, x.getDouble(b, k, t), "no bits at delimiters, output steps and padding");
                }
                if (!output) for (int k = 0; k < 6; k++) assertEquals(0.0, y.getDouble(b, k, t), "no target outside the output steps");
            }
        }
        assertEquals(Set.of(2, 3, 4, 5, 6), counts, "2 to 6 items");
        assertEquals(Set.of(0, 1, 2, 3, 4), queried, "any item with a successor is queried");
    }

    private static void assertArrayEqualsBits(int[] want, int[] got, String message) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, message);
    }

    @Test
    void theCostIsWrongBitsAndChanceIsHalfTheOutputBits() {
        AssociativeRecallTask task = AssociativeRecallTask.graves2014();
        assertEquals(9.0, task.chanceBits(), "3 x 6 bits, each wrong with probability 1/2");
        DataSet d = task.next(30, new SplittableRandom(2));
        INDArray perfect = d.getLabels().mul(2).sub(1).mul(5);
        TaskScore s = task.score(perfect, d);
        assertEquals(0.0, s.get("bits_per_sequence"));
        assertEquals(1.0, s.get("perfect_fraction"));
        assertTrue(s.solved());
        assertEquals(9.0, s.chanceError(), 1e-12);
        TaskScore w = task.score(perfect.neg(), d);
        assertEquals(18.0, w.get("bits_per_sequence"), 1e-12, "every output bit wrong");
        assertFalse(w.solved());
        assertEquals("bits_per_sequence <= 0.1", w.criterion());
    }

    @Test
    void generalizationHasMoreItems() {
        AssociativeRecallTask task = AssociativeRecallTask.graves2014();
        assertEquals(List.of("items=8", "items=12", "items=16"), List.copyOf(task.generalizationTasks().keySet()));
        DataSet d = task.generalizationTasks().get("items=12").next(5, new SplittableRandom(3));
        assertEquals((12 + 2) * 4, d.getFeatures().size(2), "(n + 2)(m + 1) steps");
        assertEquals(12.0 * 5, d.getFeatures().sumNumber().doubleValue() - sumOfBits(d.getFeatures()) - 2 * 5, "12 item delimiters per sequence");
        assertEquals(List.of("items=12", "items=16"), List.copyOf(new AssociativeRecallTask(6, 3, 2, 8, 0.1).generalizationTasks().keySet()),
                "counts within training are no generalization");
    }

    private static double sumOfBits(INDArray x) {
        double s = 0;
        for (int b = 0; b < x.size(0); b++) for (int k = 0; k < 6; k++) for (int t = 0; t < x.size(2); t++) s += x.getDouble(b, k, t);
        return s;
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AssociativeRecallTask(6, 3, 1, 6, 0.1)).getMessage().contains("min-items"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AssociativeRecallTask(6, 3, 4, 3, 0.1)).getMessage().contains("lag"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AssociativeRecallTask(0, 3, 2, 6, 0.1)).getMessage().contains("width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AssociativeRecallTask(6, 0, 2, 6, 0.1)).getMessage().contains("item-length"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AssociativeRecallTask(6, 3, 2, 6, -1)).getMessage().contains("solved-bits"));
    }
}
