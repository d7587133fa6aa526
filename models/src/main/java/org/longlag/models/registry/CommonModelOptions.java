package org.longlag.models.registry;

import org.longlag.models.tensor.Precision;

/**
 * The options every model kind has, ahead of its own. The catalog passes {@code hidden} to the
 * kind's build and applies {@code precision} to the model it builds.
 *
 * @param hidden    hidden (latent) units; for the NTM the controller's size
 * @param precision arithmetic of the parameters and the computation
 */
public record CommonModelOptions(@Doc("hidden/latent units") int hidden,
                                 @Doc("float32 or float64") Precision precision) {

    public static final CommonModelOptions DEFAULTS = new CommonModelOptions(64, Precision.FLOAT32);

    /**
     * The widest model: an LSTM of 2^14 units has 2^30 recurrent weights; a cell's parameter
     * blocks are counted in int, and 4 H^2 overflows it from H = 23171 on.
     */
    public static final int MAX_HIDDEN = 1 << 14;

    public CommonModelOptions {
        OptionChecks.atLeast("hidden", hidden, 1);
        if (hidden > MAX_HIDDEN) {
            throw new IllegalArgumentException("hidden must be at most " + MAX_HIDDEN + " (a wider model's weights are more than an int counts), got " + hidden);
        }
        OptionChecks.given("precision", precision);
    }
}
