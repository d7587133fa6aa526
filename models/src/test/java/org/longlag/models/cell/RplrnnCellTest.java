package org.longlag.models.cell;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The regularized PLRNN through the cell contract: the regularizer's value and gradient are part
 * of the checked objective, against central differences and against SameDiff.
 */
class RplrnnCellTest extends CellContractTest {

    private static final int M = 6;
    private static final int UNITS = 3;
    private static final double TAU_A = 2.0;
    private static final double TAU_W = 3.0;

    @Override
    protected Cell cell() {
        return PlrnnCell.regularized(3, M, UNITS, TAU_A, TAU_W);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {PlrnnSameDiff.step(sd, x, prev[0], p, M)};
    }

    @Override
    protected SDVariable sameDiffRegularization(SameDiff sd, SDVariable[] p) {
        return PlrnnSameDiff.regularization(sd, p, M, UNITS, TAU_A, TAU_W, 1.0);
    }
}
