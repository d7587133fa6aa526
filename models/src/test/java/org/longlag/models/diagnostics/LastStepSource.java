package org.longlag.models.diagnostics;

import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.train.BatchSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Two input channels U[0, 1) over {@code steps} steps; the target at the last step is the mean of channel 0. */
record LastStepSource(int steps) implements BatchSource {

    @Override
    public org.nd4j.linalg.dataset.api.DataSet next(int size, SplittableRandom rng) {
        double[][][] f = new double[size][2][steps];
        double[][] l = new double[size][1];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < steps; t++) {
                f[b][0][t] = rng.nextDouble();
                f[b][1][t] = rng.nextDouble();
                l[b][0] += f[b][0][t] / steps;
            }
        }
        return new DataSet(Nd4j.createFromArray(f), Nd4j.createFromArray(l));
    }

    @Override
    public LossFunction loss() {
        return LossFunction.MSE;
    }
}
