package org.longlag.dynamics.metrics;

import org.longlag.dynamics.internal.Checks;

/**
 * Settings of the Gaussian-mixture D_stsp estimate.
 *
 * @param variance          sigma^2 of the isotropic Gaussian placed on every trajectory point,
 *                          finite &gt; 0 (reference default {@code D_stsp_scaling = 1.0})
 * @param monteCarloSamples number of Monte Carlo samples, &gt;= 1 (reference: 1000)
 * @param maxLength         at most this many leading time steps of each series are used, &gt;= 1
 *                          (reference: 10000)
 */
public record GaussianMixtureOptions(double variance, int monteCarloSamples, int maxLength) {

    public GaussianMixtureOptions {
        Checks.positive("variance", variance);
        Checks.atLeast("monteCarloSamples", monteCarloSamples, 1);
        Checks.atLeast("maxLength", maxLength, 1);
    }

    /** variance 1.0, 1000 samples, first 10000 steps: the reference settings. */
    public static GaussianMixtureOptions defaults() {
        return new GaussianMixtureOptions(1.0, 1000, 10_000);
    }
}
