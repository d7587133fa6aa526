package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Repeat copy as Graves et al. 2014 (section 4.2) set it. */
class RepeatCopyTaskTest {

    private static final double STD = Math.sqrt(99.0 / 12);

    @Test
    void theSequenceComesBackRepeatTimesThenTheEndMarker() {
        DataSet d = RepeatCopyTask.graves2014().next(300, new SplittableRandom(1));
        INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
        Set<Integer> lengths = new TreeSet<>(), repeats = new TreeSet<>();
        for (int b = 0; b < 300; b++) {
            int len = 0;
            while (x.getDouble(b, 8, len) != 1) len++;
            double count = x.getDouble(b, 9, len + 1);
            int reps = (int) Math.round(count * STD + 5.5);
            assertEquals((reps - 5.5) / STD, count, 1e-6, "the count normalized over the training counts 1..10");
            lengths.add(len);
            repeats.add(reps);
            int end = len + 2 + len * reps;
            for (int t = 0; t < x.size(2); t++) {
                assertEquals(t >= len + 2 && t <= end ? 1.0 : 0.0, m.getDouble(b, t), "loss on the copies and the end step, at " + t);
                if (t != len) assertEquals(0.0, x.getDouble(b, 8, t), "one delimiter");
                if (t != len + 1) assertEquals(0.0, x.getDouble(b, 9, t), "one count");
                assertEquals(t == end ? 1.0 : 0.0, y.getDouble(b, 8, t), "the end marker right after the last copy");
                for (int k = 0; k < 8; k++) {
                    if (t >= len) assertEquals(0.0, x.getDouble(b, k, t), "no bits after the sequence");
                    double want = t >= len + 2 && t < end ? x.getDouble(b, k, (t - len - 2) % len) : 0;
                    assertEquals(want, y.getDouble(b, k, t), "copy " + (t - len - 2) / Math.max(1, len) + " of the sequence at " + t);
                }
            }
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), lengths);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), repeats);
    }

    @Test
    void theCountHasMeanZeroAndVarianceOneInTraining() {
        DataSet d = RepeatCopyTask.graves2014().next(4000, new SplittableRandom(2));
        INDArray x = d.getFeatures();
        double sum = 0, squares = 0;
        for (int b = 0; b < 4000; b++) {
            double c = 0;
            for (int t = 0; t < x.size(2); t++) c += x.getDouble(b, 9, t);
            sum += c;
            squares += c * c;
        }
        double mean = sum / 4000, var = squares / 4000 - mean * mean;
        assertEquals(0, mean, 4 / Math.sqrt(4000), "mean 0 within 4 standard errors");
        assertEquals(1, var, 0.08, "variance 1 (the standard error of a variance of a uniform count is about 0.014 here)");
    }

    @Test
    void generalizationGoesToLongerSequencesAndMoreRepeatsWithTheTrainingNormalization() {
        RepeatCopyTask task = RepeatCopyTask.graves2014();
        assertEquals(List.of("length=20,repeats=10", "length=10,repeats=20", "length=20,repeats=20"), List.copyOf(task.generalizationTasks().keySet()));
        DataSet d = task.generalizationTasks().get("length=10,repeats=20").next(3, new SplittableRandom(3));
        assertEquals(10 * 21 + 3, d.getFeatures().size(2));
        assertEquals((20 - 5.5) / STD, d.getFeatures().getDouble(0, 9, 11), 1e-6, "20 repeats read as more than any trained count");
        assertEquals(10.0 * 20 + 1, d.getLabelsMaskArray().getRow(0).sumNumber().doubleValue());
    }

    @Test
    void theChanceLevelIsHalfTheDataBitsAndTheEndMarker() {
        RepeatCopyTask task = new RepeatCopyTask(4, 3, 3, 2, 2, 0.1);
        DataSet d = task.next(10, new SplittableRandom(4));
        assertEquals(4 * 3 * 2 / 2.0 + 1, task.score(d.getLabels().mul(10), d).chanceError(), 1e-12, "width L R / 2 + 1");
        var one = new RepeatCopyTask(4, 3, 3, 5, 5, 0.1);
        assertEquals(0.0, one.next(1, new SplittableRandom(5)).getFeatures().getDouble(0, 5, 4), "a single trained count reads 0");
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RepeatCopyTask(8, 0, 10, 1, 10, 0.1)).getMessage().contains("min-length"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RepeatCopyTask(8, 5, 4, 1, 10, 0.1)).getMessage().contains("lag"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RepeatCopyTask(8, 1, 10, 0, 10, 0.1)).getMessage().contains("min-repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RepeatCopyTask(8, 1, 10, 5, 4, 0.1)).getMessage().contains("max-repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RepeatCopyTask(0, 1, 10, 1, 10, 0.1)).getMessage().contains("width"));
    }
}
