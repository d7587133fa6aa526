package org.longlag.tasks.stability;

import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.diagnostics.GradientProbe;
import org.longlag.models.diagnostics.JacobianProducts;
import org.longlag.models.diagnostics.TrajectoryJacobians;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.Task;
import org.nd4j.linalg.dataset.api.DataSet;

/** Shared settings of the gradient-stability reproductions. */
final class StabilityFixtures {

    private StabilityFixtures() {
    }

    /** 2 batches of 16 sequences in float64, seed 9. */
    static GradientProbe probe() {
        return new GradientProbe(2, 16, 9, Precision.FLOAT64);
    }

    /**
     * log ||dz_T/dz_{T-k}||_2 by lag k = 0..maxLag, averaged over the first {@code samples}
     * sequences of one seeded batch of the task.
     */
    static double[] meanLogJacobianNorm(SequenceModel model, Task task, int samples, int maxLag) {
        DataSet data = task.next(samples, new SplittableRandom(21));
        double[] mean = new double[maxLag + 1];
        for (int s = 0; s < samples; s++) {
            double[] v = JacobianProducts.logNormFromEnd(TrajectoryJacobians.of(model, data, s), maxLag, 1);
            for (int k = 0; k <= maxLag; k++) mean[k] += v[k] / samples;
        }
        return mean;
    }
}
