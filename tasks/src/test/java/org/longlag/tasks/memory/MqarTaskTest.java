package org.longlag.tasks.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.tasks.registry.TaskCatalog;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Multi-query associative recall as Zoology's {@code _mqar} generates it. */
class MqarTaskTest {

    private static MqarTask defaults(Map<String, Object> options) {
        return (MqarTask) TaskCatalog.discover().build("mqar", options);
    }

    @Test
    void everyKeyIsQueriedOnceForItsValue() {
        MqarTask task = defaults(Map.of());
        assertEquals(128, task.vocabulary().getAsInt());
        DataSet d = task.next(300, new SplittableRandom(1));
        int[][] tokens = d.getFeatures().argMax(1).toIntMatrix();
        INDArray y = d.getLabels(), m = d.getLabelsMaskArray();
        double noiseSum = 0;
        int noiseCount = 0;
        Set<Integer> noiseTokens = new HashSet<>();
        for (int b = 0; b < 300; b++) {
            int[] s = tokens[b];
            Map<Integer, Integer> value = new java.util.HashMap<>();
            for (int i = 0; i < 8; i++) {
                assertTrue(s[2 * i] >= 1 && s[2 * i] <= 63, "keys are 1..63, got " + s[2 * i]);
                assertTrue(s[2 * i + 1] >= 64 && s[2 * i + 1] <= 127, "values are 64..127, got " + s[2 * i + 1]);
                value.put(s[2 * i], s[2 * i + 1]);
            }
            assertEquals(8, value.size(), "distinct keys");
            assertEquals(8, new HashSet<>(value.values()).size(), "distinct values");
            Set<Integer> queried = new HashSet<>();
            for (int t = 0; t < 64; t++) {
                if (m.getDouble(b, t) == 1) {
                    assertTrue(t >= 16 && (t - 16) % 2 == 0, "queries in the slots after the context, at " + t);
                    assertTrue(value.containsKey(s[t]), "a query is a key of the context");
                    assertTrue(queried.add(s[t]), "each key queried once");
                    assertEquals(1.0, y.getDouble(b, value.get(s[t]) - 64, t), "the target is the key's value");
                } else {
                    for (int c = 0; c < 64; c++) assertEquals(0.0, y.getDouble(b, c, t), "no target where no query is");
                    if (t >= 16) {
                        noiseSum += s[t];
                        noiseCount++;
                        noiseTokens.add(s[t]);
                    }
                }
            }
            assertEquals(8, queried.size(), "every key queried");
        }
        // random tokens between the queries, uniform over 0..127: mean 63.5, sd 37 per token
        assertEquals(63.5, noiseSum / noiseCount, 4 * 37 / Math.sqrt(noiseCount));
        assertEquals(128, noiseTokens.size(), "every token appears as noise");
        int[][] quiet = defaults(Map.of("noise-tokens", false)).next(20, new SplittableRandom(1)).getFeatures().argMax(1).toIntMatrix();
        for (int[] s : quiet) {
            int nonzero = 0;
            for (int t = 16; t < 64; t++) if (s[t] != 0) nonzero++;
            assertEquals(8, nonzero, "without noise, the query part is token 0 but for the 8 queries");
        }
    }

    /** The first key's slot: the first draw of the power law, P(g) = (g + 1)^(a - 1) / sum. */
    private static double firstGapAtZero(MqarTask task, int batches) {
        SplittableRandom rng = new SplittableRandom(2);
        int zero = 0;
        for (int i = 0; i < batches; i++) {
            DataSet d = task.next(500, rng);
            int[][] tokens = d.getFeatures().argMax(1).toIntMatrix();
            int[][] mask = d.getLabelsMaskArray().toIntMatrix();
            for (int b = 0; b < 500; b++) {
                int t = 16;
                while (mask[b][t] == 0 || tokens[b][t] != tokens[b][0]) t++;
                if (t == 16) zero++;
            }
        }
        return zero / (500.0 * batches);
    }

    @Test
    void queryGapsFollowThePowerLaw() {
        int n = 4000; // 8 batches of 500
        double norm = 0;
        for (int g = 0; g < 24; g++) norm += Math.pow(g + 1, 0.01 - 1);
        double p = 1 / norm; // about 0.26: the nearest slot is the likeliest by far
        assertEquals(p, firstGapAtZero(defaults(Map.of()), 8), 4 * Math.sqrt(p * (1 - p) / n), "a = 0.01");
        double uniform = 1.0 / 24;
        assertEquals(uniform, firstGapAtZero(defaults(Map.of("power-a", 1.0)), 8), 4 * Math.sqrt(uniform * (1 - uniform) / n), "a = 1: uniform");
    }

    @Test
    void chanceIsUniformOverTheValues() {
        MqarTask task = defaults(Map.of());
        DataSet d = task.next(10, new SplittableRandom(3));
        var s = task.score(org.nd4j.linalg.factory.Nd4j.zeros(10, 64, 64), d);
        assertEquals(Math.log(64), s.chanceError(), 1e-12);
        assertEquals(Math.log(64), s.get("cross_entropy"), 1e-6, "uniform logits");
        assertEquals(1.0, task.score(d.getLabels().mul(20), d).get("accuracy"));
    }

    @Test
    void generalizationScalesLengthAndPairsWhileTheVocabularyHasKeys() {
        assertEquals(List.of("length=128,pairs=16", "length=256,pairs=32"), List.copyOf(defaults(Map.of()).generalizationTasks().keySet()));
        assertEquals(List.of("length=128,pairs=16"), List.copyOf(defaults(Map.of("vocabulary", 40)).generalizationTasks().keySet()),
                "19 keys: room for 16 pairs, not for 32");
    }

    @Test
    void badValuesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MqarTask(16, 64, 8, 0.01, true, 0.99));
        assertTrue(e.getMessage().contains("vocabulary 16 has 7 keys"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MqarTask(128, 30, 8, 0.01, true, 0.99));
        assertTrue(e.getMessage().contains("lag") && e.getMessage().contains("32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MqarTask(128, 64, 8, 0, true, 0.99));
        assertTrue(e.getMessage().contains("power-a"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MqarTask(128, 64, 0, 0.01, true, 0.99));
        assertTrue(e.getMessage().contains("pairs"), e.getMessage());
    }
}
