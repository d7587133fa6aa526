package org.longlag.models.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

class LossFunctionTest {

    @Test
    void parseKnowsTheOldNamesAndTheTypeNames() {
        assertSame(LossFunction.MSE, LossFunction.parse("MSE"));
        for (String s : new String[] {"bce", "binary_cross_entropy", "binary-cross-entropy"}) assertSame(LossFunction.BINARY_CROSS_ENTROPY, LossFunction.parse(s));
        for (String s : new String[] {"softmax", "cross_entropy", "softmax_cross_entropy", "Softmax-Cross-Entropy"}) {
            assertSame(LossFunction.SOFTMAX_CROSS_ENTROPY, LossFunction.parse(s));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> LossFunction.parse("hinge"));
        assertTrue(e.getMessage().contains("hinge") && e.getMessage().contains("mse"), e.getMessage());
    }

    @Test
    void theLossesAreTheSameNumbersAsBefore() {
        Mat y = Precision.FLOAT64.zeros(1, 3), t = Precision.FLOAT64.zeros(1, 3), dy = Precision.FLOAT64.zeros(1, 3);
        double[] yv = {0.5, -1, 2}, tv = {1, 0, 0};
        for (int i = 0; i < 3; i++) {
            y.set(0, i, yv[i]);
            t.set(0, i, tv[i]);
        }
        assertEquals((0.25 + 1 + 4) / 3, LossFunction.MSE.row(y, t, 0, 1, dy), 1e-15);
        assertEquals(2 * 2 / 3.0, dy.get(0, 2), 1e-15);
        double bce = 0;
        for (int i = 0; i < 3; i++) bce += Math.log1p(Math.exp(yv[i])) - tv[i] * yv[i];
        assertEquals(bce / 3, LossFunction.BINARY_CROSS_ENTROPY.row(y, t, 0, 1, dy), 1e-15);
        double z = Math.exp(0.5) + Math.exp(-1) + Math.exp(2);
        assertEquals(-(0.5 - Math.log(z)), LossFunction.SOFTMAX_CROSS_ENTROPY.row(y, t, 0, 1, dy), 1e-14);
        assertEquals(Math.exp(0.5) / z - 1, dy.get(0, 0), 1e-15);
    }
}
