package org.longlag.models.diagnostics;

import java.util.List;
import java.util.SplittableRandom;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.autonomous.AutonomousMap;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.BatchSource;

/**
 * What to measure at a checkpoint, and {@link #measure} to measure it: per-lag gradient norms
 * averaged over the probe's batches with their exponential rate fit; along the first sequence of
 * the probe's first batch, the step Jacobians, the norms of dz_T/dz_{T-k} by lag and the spectra of
 * products over windows; and the maximal Lyapunov exponent of the model's autonomous (zero-input)
 * dynamics started from that sequence's last state.
 *
 * @param gradients      data and precision of the gradient norms
 * @param fitFromLag     first lag of the rate fit, &gt;= 0
 * @param fitToLag       last lag of the rate fit; 0 for the last lag there is
 * @param windowLengths  window lengths of the Jacobian product spectra (empty for none); longer
 *                       than the sequence are left out
 * @param topSingular    leading singular values kept per window, &gt;= 1 (capped at the state size)
 * @param normStride     log ||dz_T/dz_{T-k}||_2 is computed every this many lags (one SVD each); 0 skips the
 *                       Jacobians entirely
 * @param lyapunov       options of the maximal Lyapunov exponent, or null to skip it
 */
public record StabilityProbe(GradientProbe gradients, int fitFromLag, int fitToLag, int[] windowLengths, int topSingular,
                             int normStride, MapLyapunovOptions lyapunov) {

    public StabilityProbe {
        CellChecks.notNull("gradients", gradients);
        if (fitFromLag < 0) throw new IllegalArgumentException("fitFromLag must be >= 0, got " + fitFromLag);
        if (fitToLag != 0 && fitToLag <= fitFromLag) {
            throw new IllegalArgumentException("fitToLag must be 0 (last lag) or greater than fitFromLag " + fitFromLag + ", got " + fitToLag);
        }
        windowLengths = windowLengths == null ? new int[0] : windowLengths.clone();
        for (int k : windowLengths) if (k < 1) throw new IllegalArgumentException("window lengths must be at least 1, got " + k);
        CellChecks.positive("topSingular", topSingular);
        if (normStride < 0) throw new IllegalArgumentException("normStride must be >= 0 (0 skips the Jacobians), got " + normStride);
    }

    @Override
    public int[] windowLengths() {
        return windowLengths.clone();
    }

    /**
     * Gradients over 4 batches of 16 in float64, fit over lags 1..last, windows of 10 and 50 steps
     * with 3 singular values, norms by lag at every lag, Lyapunov exponent from 200 transient and
     * 1000 averaged steps.
     */
    public static StabilityProbe defaults(long seed) {
        return new StabilityProbe(GradientProbe.defaults(seed), 1, 0, new int[] {10, 50}, 3, 1,
                new MapLyapunovOptions(200, 1000, 1, 1, 1.0));
    }

    public StabilityProbe withLyapunov(MapLyapunovOptions o) {
        return new StabilityProbe(gradients, fitFromLag, fitToLag, windowLengths, topSingular, normStride, o);
    }

    public StabilityProbe withWindows(int[] lengths) {
        return new StabilityProbe(gradients, fitFromLag, fitToLag, lengths, topSingular, normStride, lyapunov);
    }

    /** Measures the model as it is now, labelling the result with training step {@code step}. */
    public StabilitySnapshot measure(SequenceModel model, BatchSource source, int step) {
        LagProfile profile = GradientNorms.byLag(model, source, gradients);
        int last = profile.length() - 1;
        int to = fitToLag == 0 ? last : Math.min(fitToLag, last);
        int from = Math.min(fitFromLag, Math.max(0, to - 1));
        RateFit fit = profile.fit(from, to);
        if (normStride == 0) {
            return new StabilitySnapshot(step, profile, fit, null, null, List.of(), Double.NaN, "not computed");
        }
        TrajectoryJacobians tj = TrajectoryJacobians.of(model, source.next(1, new SplittableRandom(gradients.seed())), 0);
        int maxLag = Math.min(last, tj.steps());
        double[] logNorms = JacobianProducts.logNormFromEnd(tj, maxLag, normStride);
        RateFit jacFit = RateFit.ofLogs(logNorms, Math.min(from, maxLag - 1), Math.min(to, maxLag));
        int[] usable = java.util.Arrays.stream(windowLengths).filter(k -> k <= tj.steps()).toArray();
        List<WindowSpectrum> windows = JacobianProducts.windows(tj, usable, Math.min(topSingular, tj.dimension()), 0);
        double lambda = Double.NaN;
        String note = "not computed";
        if (lyapunov != null) {
            try {
                lambda = LyapunovSpectrum.maximal(AutonomousMap.of(model), tj.states()[tj.steps()], lyapunov);
                note = "";
            } catch (IllegalStateException e) {
                note = "the autonomous orbit diverged: " + e.getMessage();
            }
        }
        return new StabilitySnapshot(step, profile, fit, logNorms, jacFit, windows, lambda, note);
    }
}
