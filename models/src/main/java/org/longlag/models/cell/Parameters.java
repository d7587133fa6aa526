package org.longlag.models.cell;

import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * The blocks of a {@link ParameterLayout} as matrices: model weights (with the transposes the
 * layout asks for) or gradients of the same shape.
 *
 * <p>A {@link #view(int) view} starting at a block index lets a cell or readout address its own
 * blocks as 0, 1, 2, ... inside a whole model's parameters.
 */
public final class Parameters {

    private final ParameterLayout layout;
    private final Mat[] values;
    private final Mat[] transposes;
    private final int base;

    private Parameters(ParameterLayout layout, Mat[] values, Mat[] transposes, int base) {
        this.layout = layout;
        this.values = values;
        this.transposes = transposes;
        this.base = base;
    }

    /** Zero matrices for every block; transposes only where the layout asks and {@code withTransposes}. */
    public static Parameters zeros(ParameterLayout layout, Precision precision, boolean withTransposes) {
        int n = layout.blockCount();
        Mat[] values = new Mat[n];
        Mat[] transposes = new Mat[n];
        for (int i = 0; i < n; i++) {
            ParamBlock b = layout.block(i);
            values[i] = precision.zeros(b.rows(), b.cols());
            if (withTransposes && b.keepTranspose()) transposes[i] = precision.zeros(b.cols(), b.rows());
        }
        return new Parameters(layout, values, transposes, 0);
    }

    /** The blocks from {@code firstBlock} on, renumbered from 0. Shares storage. */
    public Parameters view(int firstBlock) {
        return new Parameters(layout, values, transposes, base + firstBlock);
    }

    /** Block i (relative to this view). */
    public Mat get(int i) {
        return values[base + i];
    }

    /** Transpose of block i; only for blocks declared with a transpose. */
    public Mat transposed(int i) {
        Mat t = transposes[base + i];
        if (t == null) {
            throw new IllegalStateException("no transpose kept for parameter block '" + layout.block(base + i).name() + "'");
        }
        return t;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public Precision precision() {
        return values.length == 0 ? Precision.FLOAT32 : values[0].precision();
    }

    /** Loads every block from a flat vector laid out by this parameter set's layout. */
    public void load(float[] flat) {
        requireLength(flat.length);
        for (int i = 0; i < values.length; i++) values[i].load(flat, layout.block(i).offset());
        refreshTransposes();
    }

    /** Loads every block from a flat vector laid out by this parameter set's layout. */
    public void load(double[] flat) {
        requireLength(flat.length);
        for (int i = 0; i < values.length; i++) values[i].load(flat, layout.block(i).offset());
        refreshTransposes();
    }

    /** Writes every block into a flat vector. */
    public void store(float[] flat) {
        requireLength(flat.length);
        for (int i = 0; i < values.length; i++) values[i].store(flat, layout.block(i).offset());
    }

    /** Writes every block into a flat vector. */
    public void store(double[] flat) {
        requireLength(flat.length);
        for (int i = 0; i < values.length; i++) values[i].store(flat, layout.block(i).offset());
    }

    /** Recomputes the kept transposes from the values (call after writing values directly). */
    public void refreshTransposes() {
        for (int i = 0; i < values.length; i++) {
            if (transposes[i] != null) transposes[i].setTranspose(values[i]);
        }
    }

    public void zero() {
        for (Mat m : values) m.zero();
    }

    public double sumOfSquares() {
        double s = 0;
        for (Mat m : values) s += m.sumOfSquares();
        return s;
    }

    private void requireLength(int n) {
        if (n != layout.size()) {
            throw new IllegalArgumentException("flat parameter vector has length " + n + ", layout needs " + layout.size());
        }
    }
}
