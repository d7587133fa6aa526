package org.longlag.models.kinds;

import org.longlag.models.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.BiasFreeLinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.UniformLearnedInitialState;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;

/**
 * What the PLRNN model kinds share, as the reg-PLRNN reference builds its models
 * ({@code benchmark_run/gdplrnn/model.py}): the readout y = B z_T without a bias and a learned
 * initial state mu0 starting U[0, 1).
 */
public final class PlrnnFamily {

    static final String FRACTION = "reg-fraction";
    static final String TAU_A = "tau-a";
    static final String TAU_W = "tau-w";

    private PlrnnFamily() {
    }

    /** The model around a PLRNN-family cell (float32; the catalog applies the chosen precision). */
    public static ModelSpec spec(Cell cell, int outputs) {
        return new ModelSpec(cell, new BiasFreeLinearReadout(outputs), new UniformLearnedInitialState(0, 1), Precision.FLOAT32);
    }

    static OptionSpec fraction(double defaultValue) {
        return new OptionSpec(FRACTION, "fraction of latent units in the regularized/initialized subspace, in [0, 1]", defaultValue);
    }

    static OptionSpec tauA() {
        return new OptionSpec(TAU_A, "regularization weight tau_A of the diagonal A", 5.0);
    }

    static OptionSpec tauW() {
        return new OptionSpec(TAU_W, "regularization weight tau_W of W's rows and h", 5.0);
    }

    /** p = floor(hidden * reg-fraction), refusing a fraction outside [0, 1] by the option's name. */
    static int units(Settings s) {
        double f = s.getDouble(FRACTION);
        if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException(FRACTION + " must be in [0, 1], got " + f);
        return PlrnnCell.unitsFor(s.getInt("hidden"), f);
    }
}
