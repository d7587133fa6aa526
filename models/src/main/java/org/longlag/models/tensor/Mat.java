package org.longlag.models.tensor;

import org.longlag.models.Precision;

/**
 * A dense row-major matrix of one precision, or a column window of one: the unit of work of the
 * recurrent hot loops.
 *
 * <p>Why not {@code INDArray}: ND4J costs 8-15 us of dispatch per op at recurrent sizes (DESIGN.md),
 * so a per-timestep loop of ND4J ops is dominated by overhead. Rows are separate Java arrays because
 * axpy-form loops over {@code float[]} rows are what the JIT vectorizes. Every op works on whole
 * matrices (or column windows), so the virtual call per op is negligible, and a cell written against
 * this class runs unchanged in float32 and float64.
 *
 * <p>Conventions: the receiver is the destination; "add" accumulates, "set" overwrites; shapes are
 * checked and mismatches throw {@link IllegalArgumentException}. A view ({@link #columns}) shares
 * storage with its parent.
 */
public abstract class Mat {

    protected final int rows;
    protected final int cols;

    protected Mat(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    public abstract Precision precision();

    /** A view of columns [from, from + width) sharing this matrix's storage. */
    public abstract Mat columns(int from, int width);

    /** A new zero matrix of the same precision. */
    public final Mat zerosLike(int rows, int cols) {
        return precision().zeros(rows, cols);
    }

    /** A new matrix of the same precision and shape holding a copy of this one. */
    public final Mat copy() {
        Mat m = zerosLike(rows, cols);
        m.set(this);
        return m;
    }

    // ---- element access (slow path: tests, Jacobians, loss at a few steps) ----

    public abstract double get(int r, int c);

    public abstract void set(int r, int c, double v);

    public abstract void zero();

    public abstract void fill(double v);

    /** this = src */
    public abstract void set(Mat src);

    /** Row-major load of rows*cols values from {@code src} starting at {@code offset}. */
    public abstract void load(float[] src, int offset);

    /** Row-major load of rows*cols values from {@code src} starting at {@code offset}. */
    public abstract void load(double[] src, int offset);

    /** Row-major store of rows*cols values into {@code dst} starting at {@code offset}. */
    public abstract void store(float[] dst, int offset);

    /** Row-major store of rows*cols values into {@code dst} starting at {@code offset}. */
    public abstract void store(double[] dst, int offset);

    // ---- products ----

    /** this += a * b, with a [rows x k] and b [k x cols]. */
    public abstract void addMatMul(Mat a, Mat b);

    /** this += a^T * b, with a [k x rows] and b [k x cols]. */
    public abstract void addTransAMatMul(Mat a, Mat b);

    /** this = src^T */
    public abstract void setTranspose(Mat src);

    // ---- broadcasts and reductions over rows ----

    /** this[i][:] += row[0][:] for every row i; row is [1 x cols]. */
    public abstract void addRowBroadcast(Mat row);

    /** this[i][:] += a[i][:] * row[0][:] (a diagonal matrix applied to every row). */
    public abstract void addProductRowBroadcast(Mat a, Mat row);

    /** this[0][:] += sum_i src[i][:]; this is [1 x cols]. */
    public abstract void addColumnSums(Mat src);

    /** this[0][:] += sum_i a[i][:] * b[i][:]; this is [1 x cols]. */
    public abstract void addColumnSumsOfProduct(Mat a, Mat b);

    // ---- element-wise ----

    /** this += s * a */
    public abstract void addScaled(Mat a, double s);

    /** this *= s */
    public abstract void scale(double s);

    /** this = a .* b */
    public abstract void setProduct(Mat a, Mat b);

    /** this += a .* b */
    public abstract void addProduct(Mat a, Mat b);

    /** this .*= a */
    public abstract void multiply(Mat a);

    /** this = tanh(a) */
    public abstract void setTanh(Mat a);

    /** this = 1 / (1 + exp(-a)) */
    public abstract void setSigmoid(Mat a);

    /** this = max(a, 0) */
    public abstract void setRelu(Mat a);

    /** this .*= 1 - y^2, the tanh derivative written in terms of its output y. */
    public abstract void multiplyTanhDerivative(Mat y);

    /** this .*= y (1 - y), the sigmoid derivative written in terms of its output y. */
    public abstract void multiplySigmoidDerivative(Mat y);

    /**
     * this .*= [x > 0], the ReLU derivative (x may be the ReLU's input or output). Written as a product, so a
     * NaN in x, or an infinite value of this where x <= 0, gives NaN rather than hiding a divergence.
     */
    public abstract void multiplyReluDerivative(Mat x);

    /**
     * Sets values smaller in magnitude than {@link #flushThreshold()} to zero. Long BPTT in float32
     * decays values into the denormal range, where arithmetic is many times slower; the JVM cannot
     * set the CPU's flush-to-zero flag, so the loops do it themselves, with headroom so that a
     * product of a flushed value with a small factor stays normal too.
     */
    public abstract void flushDenormals();

    /** Magnitude below which {@link #flushDenormals()} writes zero (1e-30 in float32, 1e-290 in float64). */
    public abstract double flushThreshold();

    // ---- reductions ----

    public abstract double sumOfSquares();

    /** True if every element is finite. */
    public abstract boolean isFinite();

    // ---- shape checks shared by implementations ----

    protected final void requireShape(Mat m, int r, int c, String what) {
        if (m.rows != r || m.cols != c) {
            throw new IllegalArgumentException(what + ": expected " + r + "x" + c + ", got " + m.rows + "x" + m.cols);
        }
    }

    protected final void requireSameShape(Mat m, String what) {
        requireShape(m, rows, cols, what);
    }

    protected final void requirePrecision(Mat m) {
        if (m.precision() != precision()) {
            throw new IllegalArgumentException("mixed precision: " + precision() + " and " + m.precision());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(precision() + " " + rows + "x" + cols + " [");
        for (int r = 0; r < Math.min(rows, 4); r++) {
            sb.append(r == 0 ? "" : "; ");
            for (int c = 0; c < Math.min(cols, 6); c++) {
                sb.append(c == 0 ? "" : ", ").append((float) get(r, c));
            }
            if (cols > 6) sb.append(", ...");
        }
        if (rows > 4) sb.append("; ...");
        return sb.append(']').toString();
    }

    // ---- added for PLRNN

    /**
     * this[i][j] += s * a[i][j] * square[j][j]: the diagonal of {@code square} applied to every
     * row. The PLRNN uses it to take W's diagonal back out of a product with W, so W acts as
     * off-diagonal whatever its stored diagonal holds.
     */
    public abstract void addDiagonalProduct(Mat a, Mat square, double s);

    /** this[i][i] = 0 for a square matrix (the PLRNN's off-diagonal W and its gradient). */
    public abstract void zeroDiagonal();
}
