package org.longlag.models;

/**
 * Every numerical tolerance of the test suite, per precision, in one place.
 *
 * <p>Gradient checks compare |analytic - reference| <= ABS + REL * max(|analytic|, |reference|).
 */
public final class Tolerances {

    private Tolerances() {
    }

    /** Step of float64 central differences: truncation error ~eps^2, rounding ~1e-16/eps. */
    public static final double FD_EPSILON = 1e-6;

    /** float64 analytic gradient vs central differences. */
    public static final double FD_REL = 1e-6;
    public static final double FD_ABS = 1e-8;

    /** float64 analytic gradient vs SameDiff autodiff: same arithmetic, different order. */
    public static final double SAMEDIFF_REL = 1e-9;
    public static final double SAMEDIFF_ABS = 1e-11;

    /** float32 forward vs float64 forward of the same parameters over a short sequence. */
    public static final double F32_VS_F64_ABS = 2e-5;

    /** float32 fast tanh/sigmoid vs Math.tanh (measured maximum 2.4e-7). */
    public static final double FAST_TANH_ABS = 3e-7;

    /** float32 kernels vs float64 kernels on products of O(1) values over length-512 sums. */
    public static final double F32_KERNEL_REL = 1e-5;

    public static boolean close(double a, double b, double abs, double rel) {
        return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
    }
}
