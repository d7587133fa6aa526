package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The Elman cell in its IRNN form (ReLU, identity recurrence), through the same contract. */
class IrnnCellTest extends CellContractTest {

    @Override
    protected Cell cell() {
        return ElmanCell.irnn(3, 5);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {sd.nn.relu(x.mmul(p[0]).add(prev[0].mmul(p[1])).add(p[2]), 0)};
    }

    @Override
    protected double inputScale() {
        return 2.0; // keep most pre-activations clear of the ReLU kink, so differences do not straddle it
    }

    @Test
    void startsFromIdentityAndZeroBias() {
        Cell c = cell();
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(1));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) assertEquals(i == j ? 1.0 : 0.0, w.get(ElmanCell.WH).get(i, j));
            assertEquals(0.0, w.get(ElmanCell.BIAS).get(0, i));
        }
    }
}
