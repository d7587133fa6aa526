package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.SplittableRandom;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;

/**
 * Maps the cell's output features (state part 0) at one step to the model output y_t.
 * Implementations are {@code @JsonTypeName} records registered as serialized types
 * ({@link org.longlag.models.io.SerializedTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Readout {

    /** Width of y_t. */
    int outputSize();

    /** Checks that this readout can read {@code featureSize} features; throws if not. */
    default void validate(int featureSize) {
    }

    ParameterLayout parameterLayout(int featureSize);

    void initialize(Parameters w, int featureSize, SplittableRandom rng);

    /** y = readout(features), y [batch x outputSize] overwritten. */
    void forward(Parameters w, Mat features, Mat y);

    /** Adds dL/dparams into {@code grad} and dL/dfeatures into {@code dFeatures}. */
    void backward(Parameters w, Parameters grad, Mat features, Mat dy, Mat dFeatures);

    /**
     * The inverse observation model at the current parameters, for teacher forcing and for free
     * runs started from data.
     *
     * @throws UnsupportedOperationException if this readout cannot be inverted
     */
    default ObservationInverse inverse(Parameters w, int featureSize) {
        throw new UnsupportedOperationException("the " + getClass().getSimpleName()
                + " readout has no inverse, so teacher forcing and starts from data are not available with it");
    }
}
