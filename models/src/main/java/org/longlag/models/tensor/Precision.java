package org.longlag.models.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Floating-point precision of one model: float32 for training, float64 for gradient checks and
 * analysis. Chosen per model, never globally.
 */
public enum Precision {
    FLOAT32(DataType.FLOAT),
    FLOAT64(DataType.DOUBLE);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    /** The ND4J data type holding parameters and optimizer state of a model in this precision. */
    public DataType dataType() {
        return dataType;
    }

    /** A new zero matrix of this precision. */
    public Mat zeros(int rows, int cols) {
        return this == FLOAT32 ? new FloatMat(rows, cols) : new DoubleMat(rows, cols);
    }

    /** Parses "float32"/"float"/"f32" or "float64"/"double"/"f64", case-insensitive. */
    public static Precision parse(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "float32": case "float": case "f32": return FLOAT32;
            case "float64": case "double": case "f64": return FLOAT64;
            default:
                throw new IllegalArgumentException("unknown precision '" + name + "': expected float32 or float64");
        }
    }
}
