package org.longlag.models.forcing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.cell.CellChecks;

/**
 * Generalized teacher forcing (Doya 1992; Hess, Monfared, Brenner & Durstewitz, ICML 2023,
 * "Generalized teacher forcing for learning chaotic dynamics", Eq. 4): at every step the forced
 * units of the state become a convex mix of the model's state and the data-inferred one,
 *
 * <pre>
 *   z~_t = (1 - alpha) z_t + alpha z_data,t
 * </pre>
 *
 * and dL/dz_t = (1 - alpha) dL/dz~_t on those units, which bounds the Jacobian products of BPTT by
 * (1 - alpha)^k times the model's. alpha starts at {@code alpha}; unless the method is
 * {@link AlphaMethod#CONSTANT}, every {@code updateInterval} updates it moves toward a target
 * alpha* by the reference's annealing ({@code src/tf_training/training.jl}):
 *
 * <pre>
 *   alpha &lt;- alpha*                                  if alpha* &gt; alpha
 *   alpha &lt;- decay alpha + (1 - decay) alpha*         otherwise
 * </pre>
 *
 * Reference defaults ({@code settings/defaults.json}): alpha 1, product bound, decay 0.999, every 5
 * updates.
 *
 * @param alpha          starting (or constant) alpha, in [0, 1]
 * @param method         where alpha* comes from
 * @param decay          annealing factor, in [0, 1]
 * @param updateInterval updates between alpha updates, at least 1
 */
@JsonTypeName("generalized")
public record GeneralizedForcing(double alpha, AlphaMethod method, double decay, int updateInterval) implements Forcing {

    public GeneralizedForcing {
        CellChecks.inRange("alpha", alpha, 0, 1);
        CellChecks.notNull("method", method);
        CellChecks.inRange("decay", decay, 0, 1);
        CellChecks.positive("updateInterval", updateInterval);
    }

    /** The reference's adaptive GTF: alpha from 1, annealed toward the product bound (decay 0.999, every 5 updates). */
    public static GeneralizedForcing adaptive() {
        return new GeneralizedForcing(1.0, AlphaMethod.PRODUCT_BOUND, 0.999, 5);
    }

    /** A constant alpha. */
    public static GeneralizedForcing constant(double alpha) {
        return new GeneralizedForcing(alpha, AlphaMethod.CONSTANT, 0.999, 1);
    }

    @Override
    public ForcingSession start() {
        return new GeneralizedForcingSession(this);
    }
}
