package org.longlag.dynamics.trajectory;

import java.util.SplittableRandom;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * Additive Gaussian observation noise scaled per dimension: x'_tj = x_tj + level * std_j * eps_tj with
 * eps ~ N(0, 1) and std_j the sample standard deviation of column j of the clean data. This is the
 * usual "x% observation noise" of DSR benchmarks. Randomness comes only from the generator passed in.
 */
public final class ObservationNoise {

    private ObservationNoise() {
    }

    /**
     * A noisy copy of {@code data}.
     *
     * @param level  noise std relative to each column's std, finite &gt;= 0
     * @param random source of the noise (advanced by this call)
     */
    public static double[][] addRelative(double[][] data, double level, SplittableRandom random) {
        Series.requireFinite("data", data, 1);
        Checks.nonNegative("level", level);
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        double[] scale = Series.stds(data);
        double[][] out = Series.head(data, data.length);
        if (level == 0) {
            return out;
        }
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] += level * scale[j] * random.nextGaussian();
            }
        }
        return out;
    }
}
