package org.longlag.models.tensor;


/**
 * A dense row-major matrix of one precision, or a column window of one: the unit of work of the
 * recurrent hot loops.
 *
 * <p>Why not {@code INDArray}: ND4J costs 8-15 us of dispatch per op at recurrent sizes (measured),
 * so a per-timestep loop of ND4J ops is dominated by overhead. Rows are separate Java arrays because
 * axpy-form loops over {@code float[]} rows are what the JIT vectorizes. Every op works on whole
 * matrices (or column windows), so the virtual call per op is negligible, and a cell written against
 * this class runs unchanged in float32 and float64. The loops of both precisions have one source,
 * {@link DoubleMat}; {@link FloatMat} adds float32's faster paths.
 *
 * <p>Conventions: the receiver is the destination; "add" accumulates, "set" overwrites; shapes are
 * checked and mismatches throw {@link IllegalArgumentException}. A view ({@link #columns}) shares
 * storage with its parent. The ops are grouped by family: memory, products, broadcasts,
 * element-wise, reductions, block ops, shifts.
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

    // ---- memory: views, copies, element access (the slow path: tests, Jacobians, loss at a few steps) ----

    /** A view of columns [from, from + width) sharing this matrix's storage. */
    public abstract Mat columns(int from, int width);

    /**
     * The rows of {@code blocks}, one block after another, as one matrix that shares their storage
     * (writes through either show in both): how the BPTT engine stacks many steps' [batch x n]
     * matrices into one [steps * batch x n] operand. The blocks must have the same precision, width
     * and column window.
     */
    public static Mat stackRows(Mat... blocks) {
        if (blocks.length == 0) throw new IllegalArgumentException("stackRows needs at least one block");
        for (Mat m : blocks) {
            if (m.precision() != blocks[0].precision()) throw new IllegalArgumentException("stackRows: mixed precision");
            if (m.cols != blocks[0].cols) {
                throw new IllegalArgumentException("stackRows: widths differ, " + blocks[0].cols + " and " + m.cols);
            }
        }
        return blocks[0] instanceof FloatMat ? FloatMat.stack(blocks) : DoubleMat.stack(blocks);
    }

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

    /** this = src^T */
    public abstract void setTranspose(Mat src);

    /** this[i][i] = 0 for a square matrix (the PLRNN's off-diagonal W and its gradient). */
    public abstract void zeroDiagonal();

    // ---- products ----

    /** this += a * b, with a [rows x k] and b [k x cols]. */
    public abstract void addMatMul(Mat a, Mat b);

    /**
     * this = a * b, with a [rows x k] and b [k x cols], this being neither a nor b: {@link #addMatMul}
     * without the pass that zeroes this first (and, on the sgemm path, without reading this).
     */
    public abstract void setMatMul(Mat a, Mat b);

    /**
     * this = max(a, 0) * b, with a [rows x k] and b [k x cols], this being neither a nor b: the product
     * of a ReLU with a matrix, without a matrix to hold the ReLU (the PLRNN's relu(z_{t-1}) W^T,
     * which it would otherwise store for every step). NaN in a gives NaN, as {@link #setRelu} does.
     */
    public abstract void setMatMulRelu(Mat a, Mat b);

    /**
     * this = max(a, 0) * b + x * c, with a [rows x k], b [k x cols], x [rows x kx] and c [kx x cols],
     * this being none of them: the PLRNN's coupling and input terms, relu(z_{t-1}) W^T + s_t C^T.
     * The float32 sgemm path computes them as one product, [relu(a) | x] [b ; c]: with a few input
     * channels the input term would otherwise be a pass over this of its own.
     */
    public void setMatMulReluPlusMatMul(Mat a, Mat b, Mat x, Mat c) {
        setMatMulRelu(a, b);
        addMatMul(x, c);
    }

    /** this += a^T * b, with a [k x rows] and b [k x cols]. */
    public abstract void addTransAMatMul(Mat a, Mat b);

    /**
     * this += a^T * max(b, 0), with a [k x rows] and b [k x cols]: the PLRNN's W gradient
     * dz^T relu(z_{t-1}) without a matrix to hold the ReLU. NaN in b gives NaN, as {@link #setRelu} does.
     */
    public abstract void addTransAMatMulRelu(Mat a, Mat b);

    /**
     * this += a^T * max(b, 0) and {@code other} += a^T * x, with a [k x rows], b [k x cols] and
     * x [k x other.cols]: the PLRNN's W and C gradients, dz^T relu(z_{t-1}) and dz^T s_t. The float32
     * sgemm path computes them as one product, a^T [relu(b) | x], which packs (and counts the zeros
     * of) a once instead of twice.
     */
    public void addTransAMatMulReluAlongside(Mat a, Mat b, Mat other, Mat x) {
        addTransAMatMulRelu(a, b);
        other.addTransAMatMul(a, x);
    }

    /**
     * this[i][j] += s * a[i][j] * square[j][j]: the diagonal of {@code square} applied to every
     * row. The PLRNN uses it to take W's diagonal back out of a product with W, so W acts as
     * off-diagonal whatever its stored diagonal holds.
     */
    public abstract void addDiagonalProduct(Mat a, Mat square, double s);

    // ---- broadcasts: a [1 x cols] row or a [rows x 1] column applied to every row or column ----

    /** this[i][:] += row[0][:] for every row i; row is [1 x cols]. */
    public abstract void addRowBroadcast(Mat row);

    /** this[i][:] += a[i][:] * row[0][:] (a diagonal matrix applied to every row). */
    public abstract void addProductRowBroadcast(Mat a, Mat row);

    /**
     * this[i][:] += x[i][:] .* scale[0][:] + bias[0][:]: a diagonal map and a bias applied to every
     * row in one pass (the PLRNN's A z_{t-1} + h; scale and bias are [1 x cols]).
     */
    public abstract void addDiagonalAffine(Mat x, Mat scale, Mat bias);

    /**
     * this = a .* row + g .* [x &gt; 0] in one pass, row being [1 x cols]: the PLRNN's state gradient
     * dL/dz_{t-1} = A dL/dz_t + [z_{t-1} &gt; 0] .* (W^T dL/dz_t), from a = dL/dz_t, row = A's
     * diagonal, g = dL/dz_t W and x = z_{t-1}. The mask is a product, as in
     * {@link #multiplyReluDerivative}: NaN in x gives NaN.
     */
    public abstract void setScaledPlusReluMasked(Mat a, Mat row, Mat g, Mat x);

    /** this[i][:] *= col[i][0]; col is [rows x 1]. */
    public abstract void multiplyColumnBroadcast(Mat col);

    // ---- element-wise ----

    /** this += s * a */
    public abstract void addScaled(Mat a, double s);

    /** this *= s */
    public abstract void scale(double s);

    /** this += s */
    public abstract void addScalar(double s);

    /** this = a .* b */
    public abstract void setProduct(Mat a, Mat b);

    /** this += a .* b */
    public abstract void addProduct(Mat a, Mat b);

    /** this .*= a */
    public abstract void multiply(Mat a);

    /** this = 1 / a */
    public abstract void setReciprocal(Mat a);

    /** this = tanh(a) */
    public abstract void setTanh(Mat a);

    /** this = 1 / (1 + exp(-a)) */
    public abstract void setSigmoid(Mat a);

    /** this = max(a, 0) */
    public abstract void setRelu(Mat a);

    /** this = log(1 + exp(a)), as max(a, 0) + log1p(exp(-|a|)) so it neither overflows nor rounds small values to 0. */
    public abstract void setSoftplus(Mat a);

    /** this = log(max(a, 0) + delta) for delta &gt; 0: finite for every a, including 0 and negative values. */
    public abstract void setLogPositivePart(Mat a, double delta);

    /** this = min(max(this, -c), c) */
    public abstract void clip(double c);

    /** this .*= 1 - y^2, the tanh derivative written in terms of its output y. */
    public abstract void multiplyTanhDerivative(Mat y);

    /** this .*= y (1 - y), the sigmoid derivative written in terms of its output y. */
    public abstract void multiplySigmoidDerivative(Mat y);

    /**
     * this .*= [x > 0], the ReLU derivative (x may be the ReLU's input or output). Written as a product, so a
     * NaN in x, or an infinite value of this where x <= 0, gives NaN rather than hiding a divergence.
     */
    public abstract void multiplyReluDerivative(Mat x);

    /** this .*= [|y| &lt; c]: the derivative of clipping to [-c, c], written in terms of the clipped value y. */
    public abstract void multiplyClipDerivative(Mat y, double c);

    /** this .*= [a &gt; 0] / (a + delta): the derivative of {@link #setLogPositivePart}. */
    public abstract void multiplyLogPositivePartDerivative(Mat a, double delta);

    /**
     * Sets values smaller in magnitude than {@link #flushThreshold()} to zero. Long BPTT in float32
     * decays values into the denormal range, where arithmetic is many times slower; the JVM cannot
     * set the CPU's flush-to-zero flag, so the loops do it themselves, with headroom so that a
     * product of a flushed value with a small factor stays normal too.
     */
    public abstract void flushDenormals();

    /**
     * Magnitude below which {@link #flushDenormals()} writes zero (1e-30 in float32, 1e-290 in
     * float64); values at or above it are kept exactly.
     */
    public abstract double flushThreshold();

    // ---- reductions: over rows, within each row, over the whole matrix ----

    /** this[0][:] += sum_i src[i][:]; this is [1 x cols]. */
    public abstract void addColumnSums(Mat src);

    /** this[0][:] += sum_i a[i][:] * b[i][:]; this is [1 x cols]. */
    public abstract void addColumnSumsOfProduct(Mat a, Mat b);

    /** this[i][0] = sum_j a[i][j] b[i][j]; this is [rows x 1]. */
    public abstract void setRowDots(Mat a, Mat b);

    /**
     * Row-wise softmax, this[i][:] = exp(a[i][:] - m_i) / sum_j exp(a[i][j] - m_i) with m_i the row
     * maximum: exp never overflows and the sum is at least 1. {@code a} may be this.
     */
    public abstract void setRowSoftmax(Mat a);

    /**
     * Backward of a row softmax y: this = y .* (dy - sum_j dy[i][j] y[i][j]). {@code dy} may be this.
     */
    public abstract void setRowSoftmaxBackward(Mat y, Mat dy);

    public abstract double sumOfSquares();

    /** True if every element is finite. */
    public abstract boolean isFinite();

    // ---- block ops: one small matrix per row ----
    //
    // Row b of a [rows x (p * q)] matrix is one sample's p x q matrix A_b stored row-major, so a whole
    // batch of per-sample matrix products is one call. (The NTM stores its N x M memory transposed,
    // p = M and q = N, so that the inner loops run over the N locations: loops as short as M = 20 are
    // not vectorized by C2.)

    /** this[b][i] = sqrt(sum_j A_b[j][i]^2 + eps^2), A_b being row b of {@code a} as a p x this.cols matrix: smooth column norms. */
    public abstract void setBlockColumnNorms(Mat a, double eps);

    /** this[b][:] += v[b][:] A_b (A_b: row b of {@code a} as a v.cols x this.cols matrix): vector times matrix. */
    public abstract void addBlockVecMat(Mat a, Mat v);

    /** this[b][:] += A_b u[b][:] (A_b: row b of {@code a} as a this.cols x u.cols matrix): matrix times vector. */
    public abstract void addBlockMatVec(Mat a, Mat u);

    /** A_b += v[b] u[b]^T, A_b being row b of this as a v.cols x u.cols matrix: outer product. */
    public abstract void addBlockOuter(Mat v, Mat u);

    /** A_b = X_b .* (1 - v[b] u[b]^T), A_b and X_b rows b of this and x as v.cols x u.cols matrices (an erase); x may be this. */
    public abstract void setProductOneMinusBlockOuter(Mat x, Mat v, Mat u);

    /** A_b[j][i] += c[b][i] X_b[j][i], A_b and X_b rows b of this and x as p x c.cols matrices: columns scaled. */
    public abstract void addBlockColumnScaled(Mat c, Mat x);

    // ---- shifts: circular convolution of each row ----

    /**
     * Circular convolution of each row with a kernel over shifts -R..R, s being [rows x (2R + 1)]:
     * this[b][i] = sum_{k=-R..R} w[b][(i - k) mod n] s[b][k + R].
     */
    public abstract void setCircularConvolution(Mat w, Mat s);

    /** this[b][j] += sum_{k=-R..R} g[b][(j + k) mod n] s[b][k + R]: gradient of {@link #setCircularConvolution} in w. */
    public abstract void addCircularConvolutionInputGradient(Mat g, Mat s);

    /** this[b][k + R] += sum_i g[b][i] w[b][(i - k) mod n]: gradient of {@link #setCircularConvolution} in s. */
    public abstract void addCircularConvolutionKernelGradient(Mat g, Mat w);

    // ---- checks shared by implementations ----

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

    /** p, when each row of {@code block} holds a p x q matrix. */
    protected static int blockRows(Mat block, int q, String what) {
        if (q < 1 || block.cols % q != 0) {
            throw new IllegalArgumentException(what + ": rows of " + block.cols + " values do not hold matrices of " + q + " columns");
        }
        return block.cols / q;
    }

    /** Half width R of a kernel of 2R + 1 shifts. */
    protected static int kernelRadius(Mat s, String what) {
        if (s.cols % 2 != 1) throw new IllegalArgumentException(what + ": a shift kernel needs an odd width, got " + s.cols);
        return s.cols / 2;
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
}
