package org.longlag.models.autonomous;

import org.longlag.models.tensor.Precision;
import org.longlag.models.model.SequenceModel;

/** Float64 copies of models, for analysis that should not inherit float32 rounding. */
final class Float64 {

    private Float64() {
    }

    /** The model itself if it is float64, else a float64 model with the same (exactly widened) parameters. */
    static SequenceModel copy(SequenceModel model) {
        if (model.spec().precision() == Precision.FLOAT64) return SequenceModel.of(model.spec(), model.parameters());
        return SequenceModel.of(model.spec().withPrecision(Precision.FLOAT64), model.parameters());
    }
}
