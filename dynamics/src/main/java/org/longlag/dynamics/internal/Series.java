package org.longlag.dynamics.internal;

/**
 * Validation and small statistics for multivariate time series stored as {@code double[time][dim]}.
 *
 * <p>Internal to the dynamics module; not part of its API.
 */
public final class Series {

    private Series() {
    }

    /**
     * Checks that {@code x} is a non-empty rectangular matrix of finite numbers with at least
     * {@code minRows} rows, and returns its column count.
     *
     * @param name how the series is called in error messages, e.g. {@code "truth"}
     */
    public static int requireFinite(String name, double[][] x, int minRows) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length < minRows) {
            throw new IllegalArgumentException(name + " is too short: " + x.length
                    + " time steps, at least " + minRows + " needed");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] has no columns");
        }
        int dim = x[0].length;
        for (int t = 0; t < x.length; t++) {
            double[] row = x[t];
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + t + "] is null");
            }
            if (row.length != dim) {
                throw new IllegalArgumentException(name + " is ragged: row " + t + " has " + row.length
                        + " columns, row 0 has " + dim);
            }
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + t + "][" + j + "] (time step " + t
                            + ", column " + j + ") is " + row[j] + "; only finite values are allowed");
                }
            }
        }
        return dim;
    }

    /** Checks two validated series have the same number of columns. */
    public static void requireSameDimension(String nameA, int dimA, String nameB, int dimB) {
        if (dimA != dimB) {
            throw new IllegalArgumentException("dimension mismatch: " + nameA + " has " + dimA
                    + " columns, " + nameB + " has " + dimB);
        }
    }

    /** Column means. */
    public static double[] means(double[][] x) {
        int dim = x[0].length;
        double[] m = new double[dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            m[j] /= x.length;
        }
        return m;
    }

    /** Column sample standard deviations (denominator n - 1, as numpy ddof=1 / Julia std). */
    public static double[] stds(double[][] x, double[] means) {
        int dim = x[0].length;
        double[] s = new double[dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                double d = row[j] - means[j];
                s[j] += d * d;
            }
        }
        for (int j = 0; j < dim; j++) {
            s[j] = x.length > 1 ? Math.sqrt(s[j] / (x.length - 1)) : 0.0;
        }
        return s;
    }

    /** Column sample standard deviations. */
    public static double[] stds(double[][] x) {
        return stds(x, means(x));
    }

    /** One column as a fresh array. */
    public static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            c[t] = x[t][j];
        }
        return c;
    }

    /** Deep copy of the first {@code rows} rows. */
    public static double[][] head(double[][] x, int rows) {
        double[][] c = new double[rows][];
        for (int t = 0; t < rows; t++) {
            c[t] = x[t].clone();
        }
        return c;
    }
}
