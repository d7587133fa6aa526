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

    public CommonModelOptions {
        OptionChecks.atLeast("hidden", hidden, 1);
        OptionChecks.given("precision", precision);
    }
}
