package org.longlag.models.forcing;

import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.ObservationInverse;
import org.longlag.models.model.SequenceModel;

/** The readout inverse of a model at its current parameters. */
final class Inverses {

    private Inverses() {
    }

    static ObservationInverse of(SequenceModel model) {
        ModelSpec spec = model.spec();
        return spec.readout().inverse(model.weights().view(spec.readoutBlock()), spec.cell().outputSize());
    }
}
