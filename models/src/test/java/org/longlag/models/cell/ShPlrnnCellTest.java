package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The shallow PLRNN through the cell contract, and its reference initialization. */
class ShPlrnnCellTest extends CellContractTest {

    @Override
    protected Cell cell() {
        return new ShPlrnnCell(3, 4, 6, false);
    }

    /** Parameters in layout order: A, W1 [M x L], W2 [L x M], h1, h2, C [M x K]. */
    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        return new SDVariable[] {step(sd, x, prev[0], p, false)};
    }

    /** z' = z .* A + phi W1^T + h1 + x C^T, phi = relu(z W2^T + h2) [- relu(z W2^T)] */
    static SDVariable step(SameDiff sd, SDVariable x, SDVariable z, SDVariable[] p, boolean clipped) {
        SDVariable v = sd.mmul(z, p[2], false, true, false);
        SDVariable phi = sd.nn.relu(v.add(p[4]), 0);
        if (clipped) phi = phi.sub(sd.nn.relu(v, 0));
        return z.mul(p[0])
                .add(sd.mmul(phi, p[1], false, true, false))
                .add(p[3])
                .add(sd.mmul(x, p[5], false, true, false));
    }

    @Test
    void startsAsTheReference() {
        ShPlrnnCell c = new ShPlrnnCell(2, 30, 20, false);
        Parameters w = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(w, new SplittableRandom(5));
        double maxA = 0;
        for (int i = 0; i < 30; i++) {
            double a = w.get(ShPlrnnCell.A).get(0, i);
            // diag(K) / lambda_max(K) of a positive-definite K: positive and at most 1
            assertTrue(a > 0 && a <= 1, "A_" + i + " = " + a);
            maxA = Math.max(maxA, a);
            assertEquals(0.0, w.get(ShPlrnnCell.H1).get(0, i));
        }
        assertTrue(maxA > 0.2, "A is not degenerate");
        for (int k = 0; k < 20; k++) assertEquals(0.0, w.get(ShPlrnnCell.H2).get(0, k), "h2 starts at 0 unclipped");
        assertBounded(w.get(ShPlrnnCell.W1), 1 / Math.sqrt(20));
        assertBounded(w.get(ShPlrnnCell.W2), 1 / Math.sqrt(30));
        assertBounded(w.get(ShPlrnnCell.C), Math.sqrt(6.0 / 32));
    }

    static void assertBounded(org.longlag.models.tensor.Mat m, double bound) {
        double max = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) max = Math.max(max, Math.abs(m.get(r, c)));
        }
        assertTrue(max <= bound, "max |entry| " + max + " within " + bound);
        assertTrue(max > 0.8 * bound, "max |entry| " + max + " fills U(-" + bound + ", " + bound + ")");
    }

    @Test
    void invalidConfigurationNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ShPlrnnCell(2, 4, 0, false));
        assertTrue(e.getMessage().contains("hiddenWidth"), e.getMessage());
    }
}
