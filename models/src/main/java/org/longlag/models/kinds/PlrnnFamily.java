package org.longlag.models.kinds;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.BiasFreeLinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.UniformLearnedInitialState;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;

/**
 * What the PLRNN model kinds share, as the reg-PLRNN reference builds its models
 * ({@code benchmark_run/gdplrnn/model.py}): the readout y = B z_T without a bias and a learned
 * initial state mu0 starting U[0, 1); and the options of the kinds with a line-attractor subspace.
 */
public final class PlrnnFamily {

    private static final String FRACTION_DOC = "fraction of latent units in the regularized/initialized subspace, in [0, 1]";

    private PlrnnFamily() {
    }

    /** The model around a PLRNN-family cell (float32; the catalog applies the chosen precision). */
    public static ModelSpec spec(Cell cell, int outputs) {
        return new ModelSpec(cell, new BiasFreeLinearReadout(outputs), new UniformLearnedInitialState(0, 1), Precision.FLOAT32);
    }

    /** The options of a subspace that starts as integrators and is not regularized (iplrnn). */
    public record Subspace(@Doc(FRACTION_DOC) double regFraction) {

        public Subspace {
            OptionChecks.inRange("reg-fraction", regFraction, 0, 1);
        }

        /** p = floor(hidden * reg-fraction), as the reference's int(d_hidden * per_reg). */
        public int units(int hidden) {
            return PlrnnCell.unitsFor(hidden, regFraction);
        }
    }

    /** The options of a regularized subspace (rplrnn, l2plrnn): its size and the weights of its regularization. */
    public record Regularized(@Doc(FRACTION_DOC) double regFraction,
                              @Doc("regularization weight tau_A of the diagonal A") double tauA,
                              @Doc("regularization weight tau_W of W's rows and h") double tauW) {

        public Regularized {
            OptionChecks.inRange("reg-fraction", regFraction, 0, 1);
            OptionChecks.atLeast("tau-a", tauA, 0);
            OptionChecks.atLeast("tau-w", tauW, 0);
        }

        /** p = floor(hidden * reg-fraction), as the reference's int(d_hidden * per_reg). */
        public int units(int hidden) {
            return PlrnnCell.unitsFor(hidden, regFraction);
        }
    }
}
