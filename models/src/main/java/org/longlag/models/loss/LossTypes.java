package org.longlag.models.loss;

import java.util.List;
import org.longlag.models.io.SerializedTypes;

/** The built-in losses, registered by their type names. */
public final class LossTypes implements SerializedTypes {

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(MeanSquaredError.class, BinaryCrossEntropy.class, SoftmaxCrossEntropy.class);
    }
}
