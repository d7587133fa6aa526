package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

class LstmCellTest extends CellContractTest {

    private static final int H = 4;

    @Override
    protected Cell cell() {
        return new LstmCell(3, H);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        SDVariable a = x.mmul(p[0]).add(prev[0].mmul(p[1])).add(p[2]);
        SDVariable i = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(0, H)));
        SDVariable f = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(H, 2 * H)));
        SDVariable g = sd.math.tanh(a.get(SDIndex.all(), SDIndex.interval(2 * H, 3 * H)));
        SDVariable o = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(3 * H, 4 * H)));
        SDVariable c = f.mul(prev[1]).add(i.mul(g));
        SDVariable h = o.mul(sd.math.tanh(c));
        return new SDVariable[] {h, c};
    }

    @Test
    void forgetBiasStartsAtItsValue() {
        LstmCell c = new LstmCell(2, 5, 1.5, 0);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(1));
        for (int j = 0; j < 5; j++) {
            assertEquals(0.0, w.get(LstmCell.BIAS).get(0, j));
            assertEquals(1.5, w.get(LstmCell.BIAS).get(0, 5 + j));
        }
    }

    @Test
    void chronoInitializationDrawsForgetBiasFromLogUniform() {
        int tMax = 100;
        LstmCell c = new LstmCell(2, 2000).withChrono(tMax);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(3));
        double mean = 0;
        for (int j = 0; j < 2000; j++) {
            double bf = w.get(LstmCell.BIAS).get(0, 2000 + j);
            assertTrue(bf >= 0 && bf <= Math.log(tMax - 1), "b_f in [log 1, log(T_max - 1)]");
            assertEquals(-bf, w.get(LstmCell.BIAS).get(0, j), 0.0, "b_i = -b_f");
            mean += bf / 2000;
        }
        // E[log U] for U ~ U[1, 99]: (99 ln 99 - 99 - (1 ln 1 - 1)) / 98, from the integral of ln u
        double expected = (99 * Math.log(99) - 99 + 1) / 98;
        assertEquals(expected, mean, 0.05);
    }

    @Test
    void invalidConfigurationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LstmCell(0, 4));
        assertTrue(e.getMessage().contains("inputSize"));
        e = assertThrows(IllegalArgumentException.class, () -> new LstmCell(2, 4).withChrono(2));
        assertTrue(e.getMessage().contains("chronoMaxLag"));
    }
}
