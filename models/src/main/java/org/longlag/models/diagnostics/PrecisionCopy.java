package org.longlag.models.diagnostics;

import org.longlag.models.tensor.Precision;
import org.longlag.models.model.SequenceModel;

/** The same model in another precision (parameters copied), for diagnostics in float64. */
final class PrecisionCopy {

    private PrecisionCopy() {
    }

    /** {@code model} itself if it already has precision {@code p} (or p is null), else a copy. */
    static SequenceModel of(SequenceModel model, Precision p) {
        if (p == null || p == model.spec().precision()) return model;
        return SequenceModel.of(model.spec().withPrecision(p), model.parameters());
    }
}
