package org.longlag.models.model;

/**
 * The inverse of a readout, as teacher forcing and free runs started from data need it: which
 * leading feature units (of state part 0) an observation determines, and their values.
 *
 * <p>As the reference code of generalized teacher forcing (DurstewitzLab/GTF-shPLRNN,
 * {@code src/models/affine.jl}, {@code apply_inverse}): the identity observation model sets the
 * first N latent units to the observation and leaves the rest alone; a linear readout y = B h (+ b)
 * sets every feature unit to pinv(B) (y - b). The inverse is computed from the parameters once and
 * treated as a constant (no gradient flows into the readout through it).
 */
public interface ObservationInverse {

    /** Number of leading feature units an observation sets. */
    int units();

    /** Width of an observation. */
    int observationSize();

    /**
     * The data-inferred values of the leading {@link #units()} feature units.
     *
     * @param y   an observation, length {@link #observationSize()}
     * @param out receives the values, length at least {@link #units()}
     */
    void infer(double[] y, double[] out);
}
