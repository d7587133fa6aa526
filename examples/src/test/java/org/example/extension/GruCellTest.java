package org.example.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellContractTest;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The GRU keeps the cell contract (its backward against float64 central differences and SameDiff,
 * its state Jacobian, float32 against float64, save and load through its kind's registration) and
 * computes what torch.nn.GRU computes.
 */
class GruCellTest extends CellContractTest {

    private static final int H = 4;

    @Override
    protected Cell cell() {
        return new GruCell(3, H, 0.5);
    }

    /** torch.nn.GRU's step, written independently of the cell's Mat code. */
    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        SDVariable in = x.mmul(p[GruCell.WX]).add(p[GruCell.BX]);
        SDVariable rec = prev[0].mmul(p[GruCell.WH]).add(p[GruCell.BH]);
        SDVariable r = sd.nn.sigmoid(gate(in, 0).add(gate(rec, 0)));
        SDVariable z = sd.nn.sigmoid(gate(in, 1).add(gate(rec, 1)));
        SDVariable n = sd.math.tanh(gate(in, 2).add(r.mul(gate(rec, 2))));
        return new SDVariable[] {z.rsub(1.0).mul(n).add(z.mul(prev[0]))};
    }

    private static SDVariable gate(SDVariable a, int g) {
        return a.get(SDIndex.all(), SDIndex.interval(g * H, (g + 1) * H));
    }

    /**
     * h_1..h_3 of torch.nn.GRU (PyTorch 1.13, float64) for weights, inputs and h_0 given by
     * formulas of their indices: the numbers {@code torch_gru_reference.py} (beside this class in
     * the test resources) prints. They pin the reset gate's place, r * (W_hn h + b_hn), and the gate order.
     */
    @Test
    void forwardIsTorchNnGru() {
        int inputs = 3, batch = 2, steps = 3;
        double[][] expected = {
            {0.4668260872099038, 0.40601385659970657, 0.11669389242244732, -0.6555587207755255},
            {-0.3541564322211434, -0.006130764820502059, 0.41648920424436087, 0.661673130849046},
            {0.14798744310683165, 0.33813373473674796, 0.2371279906918713, -0.5562133270709049},
            {-0.14938271278944987, -0.07992429156155566, 0.3627040127816675, 0.5541197267370086},
            {-0.14776586188013424, 0.32002061711534624, 0.21978533506164463, -0.4274290077862891},
            {0.01069818704115516, -0.21441513923401354, 0.39598436540810467, 0.39765849744543086},
        };
        GruCell cell = new GruCell(inputs, H, 0);
        Parameters w = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT64, true);
        for (int row = 0; row < 3 * H; row++) { // torch's row r of weight_ih_l0 is our column r of Wx
            for (int c = 0; c < inputs; c++) w.get(GruCell.WX).set(c, row, 0.5 * Math.sin(1 + row * inputs + c));
            for (int c = 0; c < H; c++) w.get(GruCell.WH).set(c, row, 0.5 * Math.cos(2 + row * H + c));
            w.get(GruCell.BX).set(0, row, 0.3 * Math.sin(3 + row));
            w.get(GruCell.BH).set(0, row, 0.3 * Math.cos(4 + row));
        }
        w.refreshTransposes();
        Unroll u = new Unroll(cell, batch, Precision.FLOAT64, false);
        u.ensureCapacity(steps);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) for (int i = 0; i < inputs; i++) u.input(t).set(b, i, Math.sin(5 + (t * batch + b) * inputs + i));
        }
        for (int b = 0; b < batch; b++) for (int j = 0; j < H; j++) u.initial().set(b, j, 0.8 * Math.cos(6 + b * H + j));
        Bptt.FULL.forward(w, u, steps);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < H; j++) {
                    assertEquals(expected[t * batch + b][j], u.state(t + 1).get(b, j), 1e-14, "h_" + (t + 1) + "[" + b + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void theUpdateGateBiasShiftsOnlyBiz() {
        GruCell plain = new GruCell(2, 5, 0), shifted = new GruCell(2, 5, 2.5);
        Parameters a = Parameters.zeros(plain.parameterLayout(), Precision.FLOAT64, true);
        Parameters b = Parameters.zeros(shifted.parameterLayout(), Precision.FLOAT64, true);
        plain.initialize(a, new SplittableRandom(3));
        shifted.initialize(b, new SplittableRandom(3));
        double k = 1 / Math.sqrt(5);
        for (int block = 0; block < 4; block++) {
            Mat ma = a.get(block), mb = b.get(block);
            for (int r = 0; r < ma.rows(); r++) {
                for (int c = 0; c < ma.cols(); c++) {
                    assertTrue(Math.abs(ma.get(r, c)) <= k, "U(-1/sqrt(H), 1/sqrt(H)) as PyTorch");
                    boolean biz = block == GruCell.BX && c >= 5 && c < 10;
                    assertEquals(ma.get(r, c) + (biz ? 2.5 : 0), mb.get(r, c), 0.0, "block " + block + " [" + r + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void badConfigurationNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GruCell(0, 4, 0)).getMessage().contains("inputSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GruCell(2, 4, Double.NaN)).getMessage().contains("updateGateBias"));
    }
}
