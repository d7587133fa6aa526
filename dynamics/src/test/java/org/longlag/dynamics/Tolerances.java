package org.longlag.dynamics;

/**
 * Every tolerance and golden number of the dynamics tests, in one place, with where each comes from.
 */
public final class Tolerances {

    private Tolerances() {
    }

    // ---- Jacobians against central differences ------------------------------------------------

    /** Relative step of the central differences, scaled by max(1, |x_j|). */
    public static final double FD_STEP = 1e-6;
    /** Allowed |J - J_fd| / max(1, |J|): central differences are accurate to O(h^2) ~ 1e-12 plus round-off ~1e-10. */
    public static final double JACOBIAN_RELATIVE = 1e-6;

    // ---- integrators -----------------------------------------------------------------------------

    /** RK4 global error ratio when the step halves: 2^4 = 16 for a fourth-order method. */
    public static final double RK4_ORDER_RATIO = 16.0;
    /** Allowed deviation of the measured ratio from 16 (asymptotic regime reached for h &lt;= 0.1 on x'' = -x). */
    public static final double RK4_ORDER_RATIO_SLACK = 1.0;
    /** Dormand-Prince 8(5,3) at tolerances 1e-10 against the analytic solution over 10 time units. */
    public static final double DOPRI_ABSOLUTE = 1e-8;

    // ---- Lyapunov exponents ----------------------------------------------------------------------

    /** Lorenz-63 maximal exponent: D. Viswanath, "Lyapunov exponents from random Fibonacci sequences to the Lorenz equations", PhD thesis, Cornell (1998): 0.9056. */
    public static final double LORENZ_LAMBDA_MAX = 0.9056;
    /** Lorenz-63 smallest exponent, same source: -14.5723. */
    public static final double LORENZ_LAMBDA_MIN = -14.5723;
    /** Lorenz-63 sum of exponents = trace of the Jacobian = -(sigma + 1 + beta) (analytic). */
    public static final double LORENZ_SUM = -(10.0 + 1.0 + 8.0 / 3.0);
    /** Relative tolerance on the maximal exponent (the brief: 2%; finite-time estimates at T = 1000 scatter ~0.5%). */
    public static final double LORENZ_LAMBDA_MAX_RELATIVE = 0.02;
    /** Relative tolerance on the smallest exponent. */
    public static final double LORENZ_LAMBDA_MIN_RELATIVE = 0.01;
    /** Relative tolerance on the sum (the brief: 1%; it is exact up to RK4 error, ~1e-6). */
    public static final double LORENZ_SUM_RELATIVE = 0.01;
    /** The zero exponent of a flow (direction along the trajectory), absolute. */
    public static final double FLOW_ZERO_EXPONENT = 0.01;

    /** Henon map (a = 1.4, b = 0.3) maximal exponent: J. C. Sprott, Chaos and Time-Series Analysis (Oxford 2003), Table A: 0.41922. */
    public static final double HENON_LAMBDA_MAX = 0.41922;
    /** Relative tolerance on the Henon exponent at 10^5 iterations. */
    public static final double HENON_RELATIVE = 0.01;
    /** Henon sum = log|det J| = log b (analytic), absolute tolerance (round-off only). */
    public static final double HENON_SUM_ABSOLUTE = 1e-9;
    /** Exponents of a linear map with constant Jacobian are exact up to round-off. */
    public static final double LINEAR_MAP_ABSOLUTE = 1e-9;

    // ---- metrics ---------------------------------------------------------------------------------

    /** Identical inputs give exactly 0 in exact arithmetic; allow round-off. */
    public static final double IDENTICAL_ZERO = 1e-12;
    /**
     * Binned D_stsp (30 bins, 20000 samples) between two stretches of the same standardized Lorenz-63
     * attractor stays below this: finite-sample noise over 27000 bins, measured 0.42 (0.23 at 50000, 0.06
     * at 100000 samples).
     */
    public static final double DSTSP_SAME_ATTRACTOR = 1.0;
    /** "Clearly larger": a distorted attractor must exceed this binned D_stsp (measured: shift 0.5 std 10.1, scale 1.5 5.4). */
    public static final double DSTSP_CLEARLY_LARGER = 3.0;
    /** Gaussian-mixture D_stsp (sigma^2 = 1) for two stretches of the same attractor: measured 0.011. */
    public static final double GMM_SAME_ATTRACTOR = 0.1;
    /** Gaussian-mixture D_stsp for the attractor shifted by 1.5 std in every dimension: measured 1.63. */
    public static final double GMM_CLEARLY_LARGER = 1.0;
    /** "Clearly larger": a changed time structure must exceed this D_H; identical gives 0. */
    public static final double DH_CLEARLY_LARGER = 0.1;
    /** Monte Carlo error allowance for the Gaussian-mixture KL of two Gaussians (std ~ 0.03 at 1000 samples). */
    public static final double GMM_MONTE_CARLO = 0.15;
    /** DFT by Bluestein against the naive O(n^2) sum, relative to the signal's energy. */
    public static final double DFT_RELATIVE = 1e-10;
    /** Values computed by two independent routes with the same arithmetic. */
    public static final double SAME_FORMULA = 1e-12;

    // ---- trajectories ----------------------------------------------------------------------------

    /** Relative error allowed on the empirical std of added noise (20000 samples: std error ~0.5%). */
    public static final double NOISE_STD_RELATIVE = 0.03;
}
