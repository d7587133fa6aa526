package org.longlag.models.cell;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The PLRNN with plain L2 on its subspace (target 0 for A) through the cell contract. */
class L2plrnnCellTest extends CellContractTest {

    private static final int M = 5;
    private static final int UNITS = 2;
    private static final double TAU_A = 1.5;
    private static final double TAU_W = 0.5;

    @Override
    protected Cell cell() {
        return PlrnnCell.l2(2, M, UNITS, TAU_A, TAU_W);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {PlrnnSameDiff.step(sd, x, prev[0], p, M)};
    }

    @Override
    protected SDVariable sameDiffRegularization(SameDiff sd, SDVariable[] p) {
        return PlrnnSameDiff.regularization(sd, p, M, UNITS, TAU_A, TAU_W, 0.0);
    }
}
