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

class MarkedInputTaskTest {

    private static final MarkedInputTask[] ALL = {
        AdditionTask.of(50), MultiplicationTask.of(50),
        new AdditionTask(50, MarkedInputProtocol.HOCHREITER_1997, 0.9),
        new MultiplicationTask(50, MarkedInputProtocol.HOCHREITER_1997, 0.9)};

    @Test
    void everySequenceFollowsItsProtocol() {
        for (MarkedInputTask task : ALL) {
            DataSet d = task.next(500, new SplittableRandom(1));
            INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
            long len = x.size(2);
            boolean hs = task.protocol() == MarkedInputProtocol.HOCHREITER_1997;
            for (int b = 0; b < 500; b++) {
                int last = -1, masks = 0;
                for (int t = 0; t < len; t++) if (m.getDouble(b, t) == 1) { last = t; masks++; }
                assertEquals(1, masks, "exactly one loss step");
                if (hs) assertTrue(last + 1 >= 50 && last + 1 <= 55, task + ": length " + (last + 1) + " in [T, T + T/10]");
                else assertEquals(49, last);
                int marked = 0, first = -1, second = -1;
                for (int t = 0; t <= last; t++) {
                    double mk = x.getDouble(b, 1, t);
                    double v = x.getDouble(b, 0, t);
                    assertTrue(v >= (hs && task instanceof AdditionTask ? -1 : 0) && v <= 1, "value range");
                    if (mk == 1) {
                        marked++;
                        if (first < 0) first = t; else second = t;
                    } else if (hs && (t == 0 || t == last)) {
                        assertEquals(-1.0, mk, "H&S marks the ends with -1");
                    } else {
                        assertEquals(0.0, mk);
                    }
                }
                for (long t = last + 1; t < len; t++) assertEquals(0.0, x.getDouble(b, 0, t), "padding is zero");
                assertEquals(2, marked, "two marked values");
                assertTrue(first < 10, "one marker among the first 10 steps");
                assertTrue(second < 25, "both markers within the first half");
                double x1 = x.getDouble(b, 0, first), x2 = x.getDouble(b, 0, second);
                double expected = task instanceof AdditionTask ? (hs ? 0.5 + (x1 + x2) / 4 : x1 + x2) : x1 * x2;
                assertEquals(expected, y.getDouble(b, 0, last), 1e-6);
            }
        }
    }

    @Test
    void chanceMseIsTheTargetVariance() {
        for (MarkedInputTask task : ALL) {
            DataSet d = task.next(60000, new SplittableRandom(2));
            INDArray y = d.getLabels().sum(2);
            double mean = y.meanNumber().doubleValue();
            double var = y.sub(mean).norm2Number().doubleValue();
            var = var * var / 60000;
            assertEquals(task.chanceMse(), var, 0.03 * task.chanceMse(), task.toString());
        }
    }

    @Test
    void scoringCountsCorrectTrialsAndComparesWithChance() {
        MarkedInputTask task = AdditionTask.of(20);
        DataSet d = task.next(400, new SplittableRandom(3));
        TaskScore perfect = task.score(d.getLabels().dup(), d);
        assertEquals(0.0, perfect.get("mse"), 1e-12);
        assertEquals(1.0, perfect.get("fraction_correct"));
        assertTrue(perfect.solved());
        INDArray off = d.getLabels().dup().addi(d.getLabelsMaskArray().reshape(400, 1, 20).mul(0.05));
        TaskScore wrong = task.score(off, d);
        assertEquals(0.0, wrong.get("fraction_correct"));
        assertEquals(0.0025, wrong.get("mse"), 1e-6);
        assertFalse(wrong.solved());
        assertEquals(1.0 / 6, wrong.chanceError(), 1e-12);
    }

    @Test
    void sameSeedSameBatch() {
        DataSet a = AdditionTask.of(30).next(8, new SplittableRandom(5));
        DataSet b = AdditionTask.of(30).next(8, new SplittableRandom(5));
        DataSet c = AdditionTask.of(30).next(8, new SplittableRandom(6));
        assertEquals(a.getFeatures(), b.getFeatures());
        assertEquals(a.getLabels(), b.getLabels());
        assertFalse(a.getFeatures().equals(c.getFeatures()));
    }

    @Test
    void badValuesAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> AdditionTask.of(-5));
        assertTrue(e.getMessage().contains("lag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdditionTask(50, MarkedInputProtocol.REG_PLRNN, 1.5));
        assertTrue(e.getMessage().contains("solved-fraction"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdditionTask(8, MarkedInputProtocol.HOCHREITER_1997, 0.9));
        assertTrue(e.getMessage().contains("lag >= 20, got 8"), "its first marker can fall outside a short sequence: " + e.getMessage());
        new AdditionTask(20, MarkedInputProtocol.HOCHREITER_1997, 0.9).next(200, new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class, () -> MarkedInputProtocol.parse("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
