package org.longlag.models.loss;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.longlag.models.io.ModelJson;
import org.longlag.models.io.SerializedTypeCatalog;
import org.longlag.models.tensor.Mat;

/**
 * Per-step losses between model output y and target, for one sample (row). The training loss is
 * the mean of these over the (sample, step) pairs the mask selects.
 *
 * <p>Open: a loss is a {@code @JsonTypeName} record registered as a serialized type ({@link
 * org.longlag.models.io.SerializedTypes}; the built-in ones by {@link LossTypes}), and {@link
 * #parse} finds it by that name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface LossFunction {

    /** (1/O) sum_o (y_o - t_o)^2 */
    LossFunction MSE = new MeanSquaredError();

    /** Binary cross-entropy on logits (sigmoid inside). */
    LossFunction BINARY_CROSS_ENTROPY = new BinaryCrossEntropy();

    /** Cross-entropy of softmax(logits) against a one-hot (or probability) target. */
    LossFunction SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();

    /**
     * Loss of row b, times {@code weight}; writes weight * dloss/dy into row b of {@code dy}.
     */
    double row(Mat y, Mat target, int b, double weight, Mat dy);

    /**
     * The loss called {@code name}: "mse", "bce" or "binary-cross-entropy", "softmax",
     * "cross-entropy" or "softmax-cross-entropy" (case and '-' or '_' do not matter), or any
     * registered loss by its type name (one without parameters; a loss with parameters is given
     * as JSON).
     */
    static LossFunction parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "mse": return MSE;
            case "bce": case "binary-cross-entropy": return BINARY_CROSS_ENTROPY;
            case "softmax": case "cross-entropy": case "softmax-cross-entropy": return SOFTMAX_CROSS_ENTROPY;
            default: break;
        }
        SerializedTypeCatalog catalog = SerializedTypeCatalog.discover();
        if (catalog.find(LossFunction.class, n) == null) {
            throw new IllegalArgumentException("unknown loss '" + name + "': expected mse, bce, softmax-cross-entropy or a registered loss "
                    + catalog.names(LossFunction.class));
        }
        ObjectMapper json = ModelJson.mapper();
        try {
            return json.convertValue(Map.of("type", n), LossFunction.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss '" + name + "' cannot be made from its name alone: " + e.getMessage(), e);
        }
    }
}
