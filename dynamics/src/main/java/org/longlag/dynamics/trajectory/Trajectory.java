package org.longlag.dynamics.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * An immutable, finite, uniformly sampled multivariate time series: rows are time steps, columns
 * are dimensions, consecutive rows are {@link #dt()} time units apart.
 *
 * <p>Construction copies the data and rejects empty, ragged or non-finite input with a message
 * naming the offending row and column; accessors return copies.
 */
public final class Trajectory {

    private final double[][] rows;
    private final double dt;
    private final List<String> columnNames;

    /**
     * @param rows        data, {@code rows[t][j]}; at least one row and column, all finite
     * @param dt          sampling step, finite &gt; 0
     * @param columnNames one name per column, or empty for none
     */
    public Trajectory(double[][] rows, double dt, List<String> columnNames) {
        int dim = Series.requireFinite("trajectory", rows, 1);
        Checks.positive("dt", dt);
        List<String> names = columnNames == null ? List.of() : List.copyOf(columnNames);
        if (!names.isEmpty() && names.size() != dim) {
            throw new IllegalArgumentException("columnNames must be empty or have one name per column ("
                    + dim + "), had " + names.size());
        }
        this.rows = Series.head(rows, rows.length);
        this.dt = dt;
        this.columnNames = names;
    }

    /** A trajectory with sampling step 1 (one time unit per row) and no column names. */
    public static Trajectory of(double[][] rows) {
        return new Trajectory(rows, 1.0, List.of());
    }

    /** A trajectory with the given sampling step and no column names. */
    public static Trajectory of(double[][] rows, double dt) {
        return new Trajectory(rows, dt, List.of());
    }

    /** Number of time steps (rows). */
    public int length() {
        return rows.length;
    }

    /** Number of dimensions (columns). */
    public int dimension() {
        return rows[0].length;
    }

    /** Sampling step between consecutive rows. */
    public double dt() {
        return dt;
    }

    /** Column names, or an empty list. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Value at time step t, dimension j. */
    public double value(int t, int j) {
        return rows[t][j];
    }

    /** Row t (the state at time step t), a copy. */
    public double[] row(int t) {
        return rows[t].clone();
    }

    /** Column j (one dimension over time), a copy. */
    public double[] column(int j) {
        if (j < 0 || j >= dimension()) {
            throw new IndexOutOfBoundsException("column " + j + " of a " + dimension() + "-dimensional trajectory");
        }
        return Series.column(rows, j);
    }

    /** All data as {@code [time][dimension]}, a deep copy. */
    public double[][] toArray() {
        return Series.head(rows, rows.length);
    }

    /** Time steps {@code from} (inclusive) to {@code to} (exclusive), same dt and names. */
    public Trajectory slice(int from, int to) {
        if (from < 0 || to > rows.length || from >= to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of a trajectory of length "
                    + rows.length);
        }
        double[][] part = new double[to - from][];
        for (int t = from; t < to; t++) {
            part[t - from] = rows[t];
        }
        return new Trajectory(part, dt, columnNames);
    }

    /** The same data with other column names. */
    public Trajectory withColumnNames(List<String> names) {
        return new Trajectory(rows, dt, names);
    }

    /** Default column names x1, x2, ... where none are set, else the set names. */
    public List<String> columnNamesOrDefault() {
        if (!columnNames.isEmpty()) {
            return columnNames;
        }
        List<String> names = new ArrayList<>(dimension());
        for (int j = 0; j < dimension(); j++) {
            names.add("x" + (j + 1));
        }
        return names;
    }

    @Override
    public String toString() {
        return "Trajectory[length=" + length() + ", dimension=" + dimension() + ", dt=" + dt + "]";
    }
}
