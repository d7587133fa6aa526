package org.longlag.tasks.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.diagnostics.GradientNorms;
import org.longlag.models.diagnostics.LagProfile;
import org.longlag.models.diagnostics.RateFit;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.memory.AdditionTask;

/**
 * A tanh RNN at initialization, W_h ~ N(0, g^2/H) (spectral radius about g): the gradient norm
 * decays exponentially with lag for g = 0.5 and explodes for g = 3 (Bengio, Simard &amp; Frasconi
 * 1994; Pascanu, Mikolov &amp; Bengio 2013), at the rate at which the norm of the Jacobian product
 * dz_T/dz_{T-k} changes with k. For g = 0.5 and small activity the rate is close to log g = -0.69
 * per step; for g = 3 the network is in the chaotic regime of random tanh networks (Sompolinsky,
 * Crisanti &amp; Sommers 1988; Poole et al. 2016), where mean-field theory gives about +0.3 per step.
 */
class TanhGradientStabilityTest {

    private static final int LAG = 60;
    private static final AdditionTask TASK = AdditionTask.of(LAG);

    private static SequenceModel tanhRnn(double scale) {
        return SequenceModel.create(ModelSpec.of(new ElmanCell(2, 64, ElmanCell.Activation.TANH, ElmanCell.RecurrentInit.GAUSSIAN, scale), 1), 5);
    }

    @Test
    void smallRecurrentScaleVanishes() {
        SequenceModel m = tanhRnn(0.5);
        RateFit grad = GradientNorms.byLag(m, TASK, StabilityFixtures.probe()).fit(1, LAG - 1);
        RateFit jac = RateFit.ofLogs(StabilityFixtures.meanLogJacobianNorm(m, TASK, 4, LAG - 1), 1, LAG - 1);
        assertTrue(grad.slope() < -0.3, "g = 0.5: " + grad.describe());
        assertTrue(grad.rSquared() > 0.95, "g = 0.5 decays exponentially: " + grad.describe());
        assertTrue(grad.slope() < Math.log(0.5) + 0.15, "g = 0.5: rate near log g = -0.69 or below: " + grad.describe());
        assertEquals(jac.slope(), grad.slope(), 0.05, "gradient vs Jacobian product rate, g = 0.5");
    }

    @Test
    void largeRecurrentScaleExplodes() {
        SequenceModel m = tanhRnn(3.0);
        LagProfile profile = GradientNorms.byLag(m, TASK, StabilityFixtures.probe());
        RateFit grad = profile.fit(1, LAG - 1);
        RateFit jac = RateFit.ofLogs(StabilityFixtures.meanLogJacobianNorm(m, TASK, 4, LAG - 1), 1, LAG - 1);
        assertTrue(grad.slope() > 0.1, "g = 3: " + grad.describe());
        assertTrue(grad.rSquared() > 0.95, "g = 3 grows exponentially: " + grad.describe());
        assertTrue(profile.norm(LAG - 1) > 1e4 * profile.norm(1), "g = 3: gradient 59 steps back vs 1 step back");
        assertEquals(jac.slope(), grad.slope(), 0.1, "gradient vs Jacobian product rate, g = 3");
    }
}
