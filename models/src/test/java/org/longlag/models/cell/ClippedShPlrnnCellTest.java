package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The clipped shallow PLRNN, relu(W2 z + h2) - relu(W2 z), through the cell contract. */
class ClippedShPlrnnCellTest extends CellContractTest {

    @Override
    protected Cell cell() {
        return new ShPlrnnCell(3, 4, 6, true);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {ShPlrnnCellTest.step(sd, x, prev[0], p, true)};
    }

    @Test
    void hiddenBiasStartsUniformSoTheNonlinearityIsNotZero() {
        ShPlrnnCell c = new ShPlrnnCell(2, 10, 40, true);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(2));
        ShPlrnnCellTest.assertBounded(w.get(ShPlrnnCell.H2), 1 / Math.sqrt(40));
    }

    @Test
    void nonlinearityIsBoundedByTheHiddenBias() {
        // |relu(v + h2) - relu(v)| <= |h2| for any v: a huge state moves z only through A
        ShPlrnnCell c = new ShPlrnnCell(1, 3, 5, true);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(9));
        for (int i = 0; i < 3; i++) w.get(ShPlrnnCell.A).set(0, i, 0.0);
        w.refreshTransposes();
        StateJacobian sj = new StateJacobian(c, w);
        double[] far = sj.step(new double[] {1e6, -1e6, 5e5}, null);
        double bound = 0;
        for (int k = 0; k < 5; k++) bound += Math.abs(w.get(ShPlrnnCell.H2).get(0, k)) / Math.sqrt(5);
        for (double v : far) assertTrue(Math.abs(v) <= bound + 1e-12, "bounded: " + v + " vs " + bound);
    }
}
