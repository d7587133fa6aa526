package org.longlag.dynamics.metrics;

/** Which D_stsp estimate produced a number. */
public enum StateSpaceMethod {
    /** Histogram with Laplace smoothing ({@link StateSpaceDivergence#binned}). */
    BINNING,
    /** Gaussian mixture with Monte Carlo KL ({@link StateSpaceDivergence#gaussianMixture}). */
    GAUSSIAN_MIXTURE
}
