package org.longlag.models.cell;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

class ElmanCellTest extends CellContractTest {

    @Override
    protected Cell cell() {
        return ElmanCell.tanh(3, 5);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {sd.math.tanh(x.mmul(p[0]).add(prev[0].mmul(p[1])).add(p[2]))};
    }
}
