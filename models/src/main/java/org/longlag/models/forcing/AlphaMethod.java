package org.longlag.models.forcing;

import java.util.Locale;

/**
 * Where the target alpha* of generalized teacher forcing comes from (names as the reference's
 * {@code gtf_alpha_method}, DurstewitzLab/GTF-shPLRNN {@code src/tf_training/alpha_estimation.jl}).
 */
public enum AlphaMethod {

    /** alpha stays at its configured value. */
    CONSTANT,

    /**
     * alpha* = max(0, 1 - 1/G) from the bound G on the geometric mean of the Jacobian norms along
     * the data-inferred states of each training sequence, maximized over the batch (the reference's
     * {@code "product_upper_bound"}, its default); see {@link JacobianProductBound}.
     */
    PRODUCT_BOUND,

    /** alpha* = 0: alpha decays geometrically by the decay factor at every update (a plain schedule). */
    DECAY;

    /** "constant", "product-bound" (also "product_upper_bound") or "decay". */
    public static AlphaMethod parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (k) {
            case "constant": return CONSTANT;
            case "product_bound": case "product_upper_bound": return PRODUCT_BOUND;
            case "decay": return DECAY;
            default: throw new IllegalArgumentException("unknown alpha method '" + s + "': expected constant, product-bound or decay");
        }
    }

    /** The command-line spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
