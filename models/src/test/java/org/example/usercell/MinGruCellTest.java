package org.example.usercell;

import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellContractTest;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A user's cell passes the shared contract, its save/load round trip included (which needs it registered). */
class MinGruCellTest extends CellContractTest {

    @Override
    protected Cell cell() {
        return new MinGruCell(3, 4);
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        SDVariable z = sd.nn.sigmoid(x.mmul(p[0]).add(p[1]));
        SDVariable candidate = x.mmul(p[2]).add(p[3]);
        return new SDVariable[] {z.rsub(1.0).mul(prev[0]).add(z.mul(candidate))};
    }
}
