package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.autonomous.AutonomousMap;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.model.SequenceModel;

/**
 * On a chaotic reconstruction the loss gradient grows like exp(lambda_max * lag), and sparse teacher
 * forcing with tau near the predictability time bounds it (Mikhaeil, Monfared &amp; Durstewitz,
 * NeurIPS 2022, "On the difficulty of learning chaotic dynamics with RNNs", Theorems 1-3).
 *
 * <p>The reconstruction is a shPLRNN whose map was fitted to Lorenz-63 by one-step regression
 * ({@link LorenzShPlrnnFit}); the loss is the MSE of the freely generated states to the data at
 * every step, over 8 sequences starting at different points of the attractor.
 */
class ChaoticGradientTest {

    /** Lorenz-63's maximal exponent 0.906 per time unit (DESIGN.md; Sprott, "Chaos and time-series analysis", 2003), per step. */
    private static final double LORENZ_LAMBDA_PER_STEP = 0.906 * LorenzShPlrnnFit.DT;

    private static LorenzShPlrnnFit.Fitted fitted;
    private static double lambda;

    @BeforeAll
    static void fit() {
        fitted = LorenzShPlrnnFit.fit(200, 6000, 3);
        lambda = LyapunovSpectrum.maximal(AutonomousMap.of(fitted.model()), fitted.data()[100], new MapLyapunovOptions(200, 3000, 1, 1, 1.0));
    }

    @Test
    void fittedModelIsChaoticLikeLorenz() {
        assertEquals(LORENZ_LAMBDA_PER_STEP, lambda, 0.15 * LORENZ_LAMBDA_PER_STEP, "lambda_max of the fitted shPLRNN per step");
    }

    @Test
    void gradientGrowsLikeExpLambdaLagWithoutForcing() {
        double[] short_ = perStep(200, 0), long_ = perStep(400, 0);
        RateFit fit = RateFit.ofValues(reversed(long_), 1, 399);
        assertEquals(lambda, fit.slope(), 0.3 * lambda, "growth rate per step of ||dL/dz_T-k|| vs lambda_max: " + fit.describe());
        // doubling the sequence adds 200 steps of exp(lambda) growth to the largest gradient
        double logGrowth = Math.log(max(long_) / max(short_));
        assertTrue(logGrowth > 0.5 * lambda * 200, "log(max norm T=400 / max norm T=200) = " + logGrowth + ", lambda*200 = " + lambda * 200);
    }

    @Test
    void sparseForcingAtThePredictabilityTimeBoundsTheGradient() {
        int tau = (int) Math.round(Math.log(2) / lambda); // predictability time in steps (Mikhaeil et al. sec. 4)
        double[] short_ = perStep(200, tau), long_ = perStep(400, tau);
        RateFit fit = RateFit.ofValues(reversed(long_), 1, 399);
        assertTrue(Math.abs(fit.slope()) < 0.25 * lambda, "with forcing every " + tau + " steps: " + fit.describe());
        double ratio = max(long_) / max(short_);
        assertTrue(ratio < 4, "with forcing the largest gradient must not grow with the sequence length, T=400/T=200: " + ratio);
        double unforced = max(perStep(400, 0));
        assertTrue(max(long_) < 1e-3 * unforced, "forced " + max(long_) + " vs unforced " + unforced);
    }

    /** ||dL/dz_t||, t = 0..steps-1, free running (tau = 0) or with sparse forcing every tau steps. */
    private static double[] perStep(int steps, int tau) {
        SequenceModel m = fitted.model();
        int batch = 8;
        double[][][] d = new double[steps + 1][batch][];
        for (int s = 0; s <= steps; s++) {
            for (int b = 0; b < batch; b++) d[s][b] = fitted.data()[1000 + 500 * b + s];
        }
        TeacherForcing forcing = tau == 0 ? TeacherForcing.NONE : new SparseStateForcing(d, tau);
        Unroll u = new Unroll(m.spec().cell(), batch, m.spec().precision(), tau != 0);
        u.ensureCapacity(steps);
        for (int b = 0; b < batch; b++) u.initial().setRow(b, d[0][b]);
        double scale = 1.0 / (steps * batch * 3);
        return GradientNorms.perStep(new Bptt(forcing, 0), m.weights().view(0), u, steps, (t, z, dz) -> {
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < 3; i++) {
                    double e = z.get(b, i) - d[t + 1][b][i];
                    loss += scale * e * e;
                    dz.set(b, i, dz.get(b, i) + 2 * scale * e);
                }
            }
            return loss;
        });
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) r[k] = a[a.length - 1 - k];
        return r;
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, v);
        return m;
    }
}
