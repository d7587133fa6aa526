package org.longlag.tasks.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.diagnostics.GradientNorms;
import org.longlag.models.diagnostics.LagProfile;
import org.longlag.models.diagnostics.RateFit;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.memory.AdditionTask;

/**
 * Chrono initialization (Tallec &amp; Ollivier 2018: forget-gate biases log U[1, T_max - 1]) keeps
 * an LSTM's gradient over long lags at initialization, where the default forget bias 1 lets it
 * decay exponentially: with b_f = 1 the cell-state path multiplies by sigma(1 + ...) ~ 0.73 per step.
 */
class LstmChronoStabilityTest {

    private static final int LAG = 200;
    private static final AdditionTask TASK = AdditionTask.of(LAG);

    private static LagProfile profile(LstmCell cell) {
        return GradientNorms.byLag(SequenceModel.create(ModelSpec.of(cell, 1), 5), TASK, StabilityFixtures.probe());
    }

    @Test
    void chronoKeepsGradientsWhereDefaultInitLosesThem() {
        LagProfile chrono = profile(new LstmCell(2, 32).withChrono(LAG));
        LagProfile plain = profile(new LstmCell(2, 32));
        RateFit c = chrono.fit(1, LAG - 1), p = plain.fit(1, LAG - 1);
        assertTrue(c.slope() > -0.02, "chrono: " + c.describe());
        assertTrue(p.slope() < -0.1, "forget bias 1: " + p.describe());
        double keptChrono = chrono.norm(LAG - 1) / chrono.norm(1), keptPlain = plain.norm(LAG - 1) / plain.norm(1);
        assertTrue(keptChrono > 0.05, "chrono keeps " + keptChrono + " of the gradient over 198 steps");
        assertTrue(keptPlain < 1e-8, "forget bias 1 keeps " + keptPlain);
        assertEquals(p.slope(), RateFit.ofLogs(StabilityFixtures.meanLogJacobianNorm(SequenceModel.create(ModelSpec.of(new LstmCell(2, 32), 1), 5),
                TASK, 2, LAG - 1), 1, LAG - 1).slope(), 0.03, "forget bias 1: gradient vs Jacobian product rate");
    }
}
