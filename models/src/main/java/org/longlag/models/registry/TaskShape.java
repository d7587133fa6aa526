package org.longlag.models.registry;

import org.longlag.models.cell.CellChecks;

/**
 * What a task tells a model builder: input and output widths, and the longest lag it asks a model
 * to bridge (for lag-aware initializations such as chrono).
 */
public record TaskShape(int inputSize, int outputSize, int maxLag) {

    public TaskShape {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("outputSize", outputSize);
        CellChecks.positive("maxLag", maxLag);
    }
}
