package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The unregularized PLRNN through the cell contract, plus W's off-diagonal structure. */
class PlrnnCellTest extends CellContractTest {

    private static final int M = 5;

    @Override
    protected Cell cell() {
        return PlrnnCell.plain(3, M);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {PlrnnSameDiff.step(sd, x, prev[0], p, M)};
    }

    @Test
    void storedDiagonalOfWChangesNothing() {
        Cell c = cell();
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(3));
        StateJacobian before = new StateJacobian(c, w);
        double[] z = {0.5, -0.2, 1.0, 0.3, 0.7};
        double[] x = {1, 0, -1};
        double[] step = before.step(z, x);
        double[][] jac = before.jacobian(z, x);
        for (int i = 0; i < M; i++) w.get(PlrnnCell.W).set(i, i, 3.0 + i);
        w.refreshTransposes();
        StateJacobian after = new StateJacobian(c, w);
        assertArrayEquals(step, after.step(z, x), 1e-15);
        for (int i = 0; i < M; i++) assertArrayEquals(jac[i], after.jacobian(z, x)[i], 1e-15);
    }

    @Test
    void gradientOfWsDiagonalIsZero() {
        Fixture f = new Fixture(21);
        Analytic a = new Analytic(f);
        ParamBlock wb = f.cell.parameterLayout().block(PlrnnCell.W);
        for (int i = 0; i < M; i++) assertEquals(0.0, a.params[wb.offset() + i * M + i], 0.0, "dL/dW[" + i + "][" + i + "]");
    }

    @Test
    void invalidConfigurationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> PlrnnCell.regularized(2, 4, 5, 1, 1));
        assertTrue(e.getMessage().contains("regularizedUnits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlrnnCell.regularized(2, 4, 2, -1, 1));
        assertTrue(e.getMessage().contains("tauA"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlrnnCell.plain(2, 0));
        assertTrue(e.getMessage().contains("latentSize"), e.getMessage());
    }
}
