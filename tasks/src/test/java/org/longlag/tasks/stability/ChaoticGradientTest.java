package org.longlag.tasks.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.tensor.Precision;
import org.longlag.models.autonomous.AutonomousMap;
import org.longlag.models.diagnostics.GradientNorms;
import org.longlag.models.diagnostics.GradientProbe;
import org.longlag.models.diagnostics.LagProfile;
import org.longlag.models.diagnostics.RateFit;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.dsr.Observation;
import org.longlag.tasks.dsr.ReconstructionConfig;
import org.longlag.tasks.dsr.ReconstructionData;
import org.longlag.tasks.dsr.ReconstructionTask;

/**
 * On a chaotic reconstruction the loss gradient grows like exp(lambda_max * lag), and sparse teacher
 * forcing with tau near the predictability time bounds it (Mikhaeil, Monfared &amp; Durstewitz,
 * NeurIPS 2022, "On the difficulty of learning chaotic dynamics with RNNs", Theorems 1-3).
 *
 * <p>Everything but the model's parameters is the library's reconstruction: the Lorenz-63 data,
 * windows and loss of {@link ReconstructionTask} (dt = 0.05, windows of T steps, MSE at steps
 * 1..T), the merged {@link SparseForcing} rule bound to each batch by its session and applied in
 * the shared BPTT loop ({@link GradientNorms#byLag} through {@code ShardWorker}, the trainer's
 * path), and the {@link Trainer} itself for the parameter gradient. The model is a shPLRNN with
 * M = 3 fitted to the task's training trajectory in closed form ({@link LorenzShPlrnnFit}), so the
 * test needs no long training run. "Without forcing" is {@link SparseForcing#startOnly()}: the
 * window starts on the data and runs freely (the paper's setting).
 */
class ChaoticGradientTest {

    /** Sampling step; Lorenz-63's lambda_max 0.906 per time unit is 0.0453 per step. */
    static final double DT = 0.05;
    /** Lorenz-63's maximal exponent 0.906 per time unit (Sprott, "Chaos and time-series analysis", 2003), per step. */
    private static final double LORENZ_LAMBDA_PER_STEP = 0.906 * DT;

    private static ReconstructionData data;
    private static SequenceModel model;
    private static double lambda;
    private static int tau;

    @BeforeAll
    static void fit() {
        data = ReconstructionData.fromSystem("lorenz63", 8000, ReconstructionData.MIN_TEST_ROWS, DT, 50, 0.0, 1);
        model = LorenzShPlrnnFit.fit(data.train(), 200, 3);
        lambda = LyapunovSpectrum.maximal(AutonomousMap.of(model), data.train()[100], new MapLyapunovOptions(200, 3000, 1, 1, 1.0));
        tau = (int) Math.round(Math.log(2) / lambda); // predictability time in steps (Mikhaeil et al. sec. 4)
    }

    static ReconstructionTask task(int windowSteps, Forcing forcing) {
        return new ReconstructionTask(data, new ReconstructionConfig(windowSteps, forcing, Observation.AUTO, 20, 0.25, 1.0, 0.2), Map.of());
    }

    /** ||dL/dz_{T-k}|| by lag k = 0..T, mean over one batch of 8 windows, float64. */
    static LagProfile profile(int windowSteps, Forcing forcing) {
        return GradientNorms.byLag(model, task(windowSteps, forcing), new GradientProbe(1, 8, 11, Precision.FLOAT64));
    }

    @Test
    void fittedModelIsChaoticLikeLorenz() {
        System.out.printf("lambda_max of the fitted shPLRNN %.4f per step (Lorenz-63 %.4f), tau = %d%n", lambda, LORENZ_LAMBDA_PER_STEP, tau);
        assertEquals(LORENZ_LAMBDA_PER_STEP, lambda, 0.15 * LORENZ_LAMBDA_PER_STEP, "lambda_max of the fitted shPLRNN per step");
        assertEquals(15, tau, "ln 2 / lambda_max in steps");
    }

    @Test
    void gradientGrowsLikeExpLambdaLagWithoutForcing() {
        LagProfile short_ = profile(200, SparseForcing.startOnly()), long_ = profile(400, SparseForcing.startOnly());
        RateFit fit = long_.fit(1, 399);
        System.out.printf("free T=400: %s; max T=200 %.3g, T=400 %.3g%n", fit.describe(), max(short_), max(long_));
        assertEquals(lambda, fit.slope(), 0.3 * lambda, "growth rate per step of ||dL/dz_T-k|| vs lambda_max: " + fit.describe());
        // doubling the window adds 200 steps of exp(lambda) growth to the largest gradient
        double logGrowth = Math.log(max(long_) / max(short_));
        assertTrue(logGrowth > 0.5 * lambda * 200, "log(max norm T=400 / max norm T=200) = " + logGrowth + ", lambda*200 = " + lambda * 200);
        // the run from the model's own z_0 (NoForcing) leaves its transient within the window and grows as fast
        RateFit none = profile(400, Forcing.none()).fit(1, 350);
        System.out.printf("none T=400: %s%n", none.describe());
        assertEquals(lambda, none.slope(), 0.3 * lambda, "from the model's own start: " + none.describe());
    }

    @Test
    void sparseForcingAtThePredictabilityTimeBoundsTheGradient() {
        LagProfile short_ = profile(200, new SparseForcing(tau)), long_ = profile(400, new SparseForcing(tau));
        RateFit fit = long_.fit(1, 399);
        double ratio = max(long_) / max(short_), unforced = max(profile(400, SparseForcing.startOnly()));
        System.out.printf("sparse tau=%d T=400: %s; max T=200 %.3g, T=400 %.3g, free T=400 %.3g%n", tau, fit.describe(), max(short_), max(long_), unforced);
        assertTrue(Math.abs(fit.slope()) < 0.25 * lambda, "with forcing every " + tau + " steps: " + fit.describe());
        assertTrue(ratio < 4, "with forcing the largest gradient must not grow with the window length, T=400/T=200: " + ratio);
        assertTrue(max(long_) < 1e-3 * unforced, "forced " + max(long_) + " vs unforced " + unforced);
    }

    /** The trainer's own parameter gradient (before clipping) on the same windows: explodes free running, bounded under forcing. */
    @Test
    void theTrainersGradientIsBoundedBySparseForcing() {
        double free = trainerGradientNorm(400, SparseForcing.startOnly()), forced = trainerGradientNorm(400, new SparseForcing(tau));
        double forcedShort = trainerGradientNorm(200, new SparseForcing(tau));
        System.out.printf("trainer ||dL/dtheta||: free T=400 %.3g, sparse tau=%d T=200 %.3g, T=400 %.3g%n", free, tau, forcedShort, forced);
        assertTrue(forced < 1e-3 * free, "forced " + forced + " vs free " + free);
        assertTrue(forced / forcedShort < 4, "bounded independent of the window length: " + forced + " vs " + forcedShort);
    }

    /** Mean gradient norm of 3 updates of a copy of the model (SGD with a negligible step) on the task's batches, through its forcing session. */
    private static double trainerGradientNorm(int windowSteps, Forcing forcing) {
        SequenceModel copy = SequenceModel.create(model.spec(), 0);
        copy.setParameters(model.parameters().dup());
        List<Double> norms = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(SequenceModel m, StepReport r, TrainingControl control) {
                norms.add(r.gradientNorm());
            }
        };
        TrainingConfig config = new TrainingConfig(3, 8, new Optimizer(Optimizer.Kind.SGD, 1e-30), 0, 1, 5, 0);
        try (Trainer trainer = new Trainer(copy, config)) {
            trainer.fit(task(windowSteps, forcing), record);
        }
        return norms.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double max(LagProfile p) {
        double m = 0;
        for (int k = 0; k < p.length(); k++) m = Math.max(m, p.norm(k));
        return m;
    }
}
