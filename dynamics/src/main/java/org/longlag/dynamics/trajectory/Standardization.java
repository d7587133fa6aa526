package org.longlag.dynamics.trajectory;

import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * Per-dimension z-scoring x' = (x - mean) / std, with the means and standard deviations that were
 * used, so the transform can be re-applied to other data (e.g. a model's generated trajectory) or
 * inverted. Standard deviations are sample standard deviations (denominator n - 1).
 *
 * @param means one mean per dimension
 * @param stds  one standard deviation per dimension, each &gt; 0
 */
public record Standardization(double[] means, double[] stds) {

    public Standardization {
        if (means == null || stds == null) {
            throw new IllegalArgumentException("means and stds must not be null");
        }
        Checks.finiteVector("means", means, means.length);
        Checks.length("stds", stds, means.length);
        for (int j = 0; j < stds.length; j++) {
            Checks.positive("stds[" + j + "]", stds[j]);
        }
        means = means.clone();
        stds = stds.clone();
    }

    /** The identity transform (means 0, stds 1) in the given dimension. */
    public static Standardization identity(int dimension) {
        double[] ones = new double[dimension];
        java.util.Arrays.fill(ones, 1.0);
        return new Standardization(new double[dimension], ones);
    }

    /**
     * Means and sample standard deviations of each column.
     *
     * @throws IllegalArgumentException if data has fewer than 2 rows, is not finite, or a column is
     *                                  constant (it cannot be z-scored)
     */
    public static Standardization fit(double[][] data) {
        Series.requireFinite("data", data, 2);
        double[] m = Series.means(data);
        double[] s = Series.stds(data, m);
        for (int j = 0; j < s.length; j++) {
            if (!(s[j] > 0)) {
                throw new IllegalArgumentException("column " + j + " is constant (std 0); it cannot be standardized");
            }
        }
        return new Standardization(m, s);
    }

    /** Fits to a trajectory's data; see {@link #fit(double[][])}. */
    public static Standardization fit(Trajectory trajectory) {
        return fit(trajectory.toArray());
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] stds() {
        return stds.clone();
    }

    /** Number of dimensions. */
    public int dimension() {
        return means.length;
    }

    /** (x - mean) / std, a new array. */
    public double[][] apply(double[][] data) {
        int dim = Series.requireFinite("data", data, 1);
        requireDimension(dim);
        double[][] out = new double[data.length][dim];
        for (int t = 0; t < data.length; t++) {
            for (int j = 0; j < dim; j++) {
                out[t][j] = (data[t][j] - means[j]) / stds[j];
            }
        }
        return out;
    }

    /** Applies the transform to a trajectory, keeping its dt and names. */
    public Trajectory apply(Trajectory trajectory) {
        return new Trajectory(apply(trajectory.toArray()), trajectory.dt(), trajectory.columnNames());
    }

    /** x * std + mean, a new array: undoes {@link #apply(double[][])}. */
    public double[][] invert(double[][] data) {
        int dim = Series.requireFinite("data", data, 1);
        requireDimension(dim);
        double[][] out = new double[data.length][dim];
        for (int t = 0; t < data.length; t++) {
            for (int j = 0; j < dim; j++) {
                out[t][j] = data[t][j] * stds[j] + means[j];
            }
        }
        return out;
    }

    private void requireDimension(int dim) {
        if (dim != means.length) {
            throw new IllegalArgumentException("data has " + dim + " columns, this standardization has "
                    + means.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s
                && java.util.Arrays.equals(means, s.means) && java.util.Arrays.equals(stds, s.stds);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(means) + java.util.Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "Standardization[means=" + java.util.Arrays.toString(means) + ", stds="
                + java.util.Arrays.toString(stds) + "]";
    }
}
