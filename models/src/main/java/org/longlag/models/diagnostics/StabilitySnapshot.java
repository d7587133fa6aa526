package org.longlag.models.diagnostics;

import java.util.List;
import java.util.Locale;

/**
 * Gradient-stability diagnostics of a model at one training step (0 = at initialization).
 *
 * @param step            training step the model had taken
 * @param gradients       per-lag gradient norms averaged over the probe batches
 * @param gradientFit     exponential rate of the gradient norm with lag
 * @param jacobianLogNorm log ||dz_T/dz_{T-k}||_2 by lag k along one probe sequence (NaN where not
 *                        computed), or null when the Jacobians were skipped
 * @param jacobianFit     rate fit of {@code jacobianLogNorm} over the same lags, or null
 * @param windows         spectra of Jacobian products over windows along that sequence
 * @param lyapunovMax     maximal Lyapunov exponent (per step) of the zero-input dynamics, NaN if
 *                        not computed or undefined
 * @param lyapunovNote    why {@code lyapunovMax} is NaN, "" otherwise
 */
public record StabilitySnapshot(int step, LagProfile gradients, RateFit gradientFit, double[] jacobianLogNorm,
                                RateFit jacobianFit, List<WindowSpectrum> windows, double lyapunovMax, String lyapunovNote) {

    public StabilitySnapshot {
        jacobianLogNorm = jacobianLogNorm == null ? null : jacobianLogNorm.clone();
        windows = List.copyOf(windows);
    }

    @Override
    public double[] jacobianLogNorm() {
        return jacobianLogNorm == null ? null : jacobianLogNorm.clone();
    }

    /** One line: the gradient's rate per step, the Jacobian product's, and lambda_max. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d: gradient norm %s", step, gradientFit.describe()));
        if (jacobianFit != null && jacobianFit.defined()) {
            sb.append(String.format(Locale.ROOT, "; ||dz_T/dz_T-k|| b = %.4g/step", jacobianFit.slope()));
        }
        if (Double.isFinite(lyapunovMax)) sb.append(String.format(Locale.ROOT, "; lambda_max = %.4g/step", lyapunovMax));
        else if (!lyapunovNote.isEmpty() && !"not computed".equals(lyapunovNote)) sb.append("; lambda_max undefined (").append(lyapunovNote).append(')');
        return sb.toString();
    }
}
