package org.longlag.models.forcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.BiasFreeLinearReadout;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ShardWorker;

/** What the forcing rules do to the states in the forward pass, step by step. */
class ForcingRulesTest {

    private static final int ROWS = 2;
    private static final int STEPS = 9;

    /** Runs a forward pass under the rule and returns the unroll (produced and fed states). */
    private static Unroll run(ForcingFixture f, Forcing forcing) {
        ShardWorker w = new ShardWorker(f.model.spec(), Bptt.FULL);
        TeacherForcing rule = forcing.start().prepare(f.model, f.batch, 1).rows(0, ROWS);
        w.lossAndGradient(f.model.weights(), f.batch, 0, ROWS, 1, LossFunction.MSE, null, rule);
        return w.unroll();
    }

    @Test
    void sparseForcingReplacesObservedUnitsEveryTauStepsFromTheStart() {
        ForcingFixture f = new ForcingFixture(new ShPlrnnCell(1, 4, 5, false), new IdentityReadout(2), ROWS, STEPS, 3);
        Unroll u = run(f, new SparseForcing(3));
        for (int t = 0; t < STEPS; t++) {
            for (int b = 0; b < ROWS; b++) {
                for (int k = 0; k < 4; k++) {
                    double produced = u.state(t + 1).get(b, k), fed = u.fed(t + 1).get(b, k);
                    if (t % 3 == 0 && k < 2) {
                        assertEquals(f.batch.label(b, k, t), fed, 0, "forced unit " + k + " at step " + t);
                        assertTrue(Math.abs(produced - fed) > 1e-9, "the produced state is kept apart from the forced one");
                    } else {
                        assertEquals(produced, fed, 0, "unit " + k + " at step " + t + " is not forced");
                    }
                }
            }
        }
    }

    @Test
    void generalizedForcingMixesEveryStepAndStartsFromData() {
        ForcingFixture f = new ForcingFixture(new ShPlrnnCell(1, 4, 5, true), new IdentityReadout(2), ROWS, STEPS, 4);
        double alpha = 0.25;
        Unroll u = run(f, GeneralizedForcing.constant(alpha));
        for (int t = 0; t < STEPS; t++) {
            double a = t == 0 ? 1 : alpha;
            for (int b = 0; b < ROWS; b++) {
                for (int k = 0; k < 4; k++) {
                    double produced = u.state(t + 1).get(b, k), fed = u.fed(t + 1).get(b, k);
                    double expected = k < 2 ? (1 - a) * produced + a * f.batch.label(b, k, t) : produced;
                    assertEquals(expected, fed, 1e-15, "unit " + k + " at step " + t);
                }
            }
        }
    }

    @Test
    void pseudoInverseForcingMakesTheReadoutReproduceTheData() {
        // linear readout of 5 features to 2 observations: the inverse is exact on the observations
        ForcingFixture f = new ForcingFixture(new ShPlrnnCell(1, 5, 4, false), new BiasFreeLinearReadout(2), ROWS, STEPS, 5);
        Unroll u = run(f, new SparseForcing(4));
        org.longlag.models.tensor.Mat y = org.longlag.models.tensor.Precision.FLOAT64.zeros(ROWS, 2);
        f.model.spec().readout().forward(f.model.weights().view(f.model.spec().readoutBlock()), u.fed(5).part(0), y);
        for (int b = 0; b < ROWS; b++) {
            for (int o = 0; o < 2; o++) assertEquals(f.batch.label(b, o, 4), y.get(b, o), 1e-12);
        }
    }

    @Test
    void noForcingLeavesStatesAlone() {
        ForcingFixture f = new ForcingFixture(new ShPlrnnCell(1, 3, 4, false), new IdentityReadout(3), ROWS, STEPS, 6);
        BatchForcing none = Forcing.none().start().prepare(f.model, f.batch, 1);
        assertFalse(none.rows(0, ROWS).forces(0));
        assertEquals(TeacherForcing.NONE, none.rows(0, ROWS));
    }

    @Test
    void forcingRefusesAMismatchedObservationWidth() {
        ForcingFixture f = new ForcingFixture(new ShPlrnnCell(1, 3, 4, false), new IdentityReadout(2), ROWS, STEPS, 6);
        ForcingFixture other = new ForcingFixture(new ShPlrnnCell(1, 3, 4, false), new IdentityReadout(3), ROWS, STEPS, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparseForcing(2).start().prepare(f.model, other.batch, 1));
        assertTrue(e.getMessage().contains("3 label channels"), e.getMessage());
    }

    @Test
    void configsRejectOutOfRangeValuesByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SparseForcing(0)).getMessage().contains("interval"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneralizedForcing.constant(1.5)).getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new GeneralizedForcing(0.5, AlphaMethod.DECAY, 1.2, 1)).getMessage().contains("decay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AlphaMethod.parse("max")).getMessage().contains("product-bound"));
    }
}
