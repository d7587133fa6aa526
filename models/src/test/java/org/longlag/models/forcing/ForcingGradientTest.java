package org.longlag.models.forcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.Readout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each forcing rule's backward against float64 central differences of the whole loss (readout,
 * cell, initial state), with the forcing data held fixed: the identity observation model on part
 * of the latent units (partial forcing), and a linear readout whose pseudo-inverse forces all of an
 * LSTM's h while c runs free.
 */
class ForcingGradientTest {

    private static final int ROWS = 3;
    private static final int STEPS = 8;

    @Test
    void sparseForcingOnIdentityObservedUnits() {
        check(new ShPlrnnCell(1, 4, 6, false), new IdentityReadout(2), new SparseForcing(3));
    }

    @Test
    void generalizedForcingOnIdentityObservedUnits() {
        check(new ShPlrnnCell(1, 4, 6, true), new IdentityReadout(2), GeneralizedForcing.constant(0.3));
    }

    @Test
    void generalizedForcingOnAllUnitsOfAPlrnn() {
        check(PlrnnCell.plain(1, 3), new IdentityReadout(3), GeneralizedForcing.constant(0.6));
    }

    @Test
    void sparseForcingThroughALinearReadoutsPseudoInverse() {
        check(new LstmCell(1, 3, 1.0, 0), new LinearReadout(2), new SparseForcing(2));
    }

    @Test
    void generalizedForcingThroughALinearReadoutsPseudoInverse() {
        check(new LstmCell(1, 3, 1.0, 0), new LinearReadout(2), GeneralizedForcing.constant(0.4));
    }

    private static void check(Cell cell, Readout readout, Forcing forcing) {
        ForcingFixture f = new ForcingFixture(cell, readout, ROWS, STEPS, 7);
        BatchForcing bound = forcing.start().prepare(f.model, f.batch, 1); // data fixed at this point
        int p = f.model.parameterCount();
        double[] analytic = new double[p];
        double loss = f.loss(bound, analytic);
        assertEquals(loss, f.shardedLoss(bound, 1), 1e-12, "loss must not depend on how rows are sharded");
        INDArray base = f.model.parameters();
        double[] theta = base.toDoubleVector();
        int nonzero = 0;
        for (int i = 0; i < p; i++) {
            double keep = theta[i];
            theta[i] = keep + Tolerances.FD_EPSILON;
            f.model.setParameters(Nd4j.createFromArray(theta));
            double up = f.loss(bound, null);
            theta[i] = keep - Tolerances.FD_EPSILON;
            f.model.setParameters(Nd4j.createFromArray(theta));
            double down = f.loss(bound, null);
            theta[i] = keep;
            double numeric = (up - down) / (2 * Tolerances.FD_EPSILON);
            if (!Tolerances.close(analytic[i], numeric, Tolerances.FD_ABS, Tolerances.FD_REL)) {
                fail("dL/d" + name(f.model.layout(), i) + ": analytic " + analytic[i] + ", central differences " + numeric);
            }
            if (Math.abs(analytic[i]) > 1e-6) nonzero++;
        }
        f.model.setParameters(base);
        assertTrue(nonzero > p / 3, "the check must exercise gradients (" + nonzero + " of " + p + " nonzero)");
    }

    private static String name(org.longlag.models.cell.ParameterLayout layout, int flat) {
        for (org.longlag.models.cell.ParamBlock b : layout.blocks()) {
            if (flat >= b.offset() && flat < b.offset() + b.size()) {
                int k = flat - b.offset();
                return b.name() + "[" + k / b.cols() + "][" + k % b.cols() + "]";
            }
        }
        return "param " + flat;
    }
}
