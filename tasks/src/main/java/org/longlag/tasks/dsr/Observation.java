package org.longlag.tasks.dsr;

import java.util.Locale;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ModelSpec;

/**
 * The observation model of a reconstruction: the identity on the first N latent units (the PLRNN
 * DSR work's choice, with which teacher forcing sets those units to the data), or the model kind's
 * own linear readout (inverted by its pseudo-inverse for forcing).
 */
public enum Observation {

    /** Identity for PLRNN-family cells (PLRNN, shPLRNN), the kind's readout for every other cell. */
    AUTO,
    /** y = z[:N] (needs at least N latent units). */
    IDENTITY,
    /** The model kind's linear readout. */
    LINEAR;

    public static Observation parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown observation model '" + s + "': expected auto, identity or linear");
        }
    }

    /** The spec with this observation model for N-dimensional data. */
    public ModelSpec apply(ModelSpec spec, int observed) {
        boolean identity = this == IDENTITY || (this == AUTO && isPlrnn(spec.cell()));
        if (!identity) return spec;
        if (spec.cell().outputSize() < observed) {
            throw new IllegalArgumentException("the identity observation model needs at least " + observed
                    + " latent units for " + observed + "-dimensional data, the model has " + spec.cell().outputSize()
                    + " (raise --hidden or use --observation linear)");
        }
        return spec.withReadout(new IdentityReadout(observed));
    }

    private static boolean isPlrnn(Cell cell) {
        return cell instanceof PlrnnCell || cell instanceof ShPlrnnCell;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
