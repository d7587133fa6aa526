package org.longlag.models.tensor;


/**
 * float64 {@link Mat}: {@code double[][]} rows with a column window [off, off + cols); and the one
 * source of the portable kernels. {@code FloatMatLoops}, the float32 class {@link FloatMat} extends, is
 * generated from this file when the models module builds ({@code models/src/build/GenerateFloat32.java},
 * which says how), so every loop here runs in both precisions and is written once.
 *
 * <p>The loops are in the forms the C2 compiler vectorizes (JDK 17, measured in float32, where speed
 * matters): contiguous inner loops over one row, products unrolled four source rows at a time into
 * one destination row (~35 GFLOP/s per core against ~28 for plain axpy; eight at a time stops
 * vectorizing), and every array in a loop indexed by the same variable. The last point matters: C2
 * cannot rule out that two arrays are the same one, so a loop mixing offsets
 * ({@code c[co + j] += a[ao + j]}) runs 4-5x slower. An operand whose window is not aligned with the
 * destination's is therefore first copied (the {@code arraycopy} intrinsic) into a scratch row of
 * the destination at the destination's offset ({@link #aligned}). Products need the right operand
 * aligned with the destination (weights and gate buffers are, by construction); otherwise a slower
 * path copies it.
 *
 * <p>float32 replaces a few of these methods with faster ones ({@link FloatMat}: sgemm for large
 * products, a rational tanh and sigmoid, Vector API row loops); the per-row methods named
 * {@code ...Row} are the points where it does. Here tanh and sigmoid are {@code Math.tanh} and
 * {@code Math.exp} (exact, so central-difference gradient checks see the function the backward
 * differentiates) and float64 keeps these loops for every shape.
 *
 * <p>Writing this file for the generator: {@code double} becomes {@code float} (and {@code float},
 * the other precision of {@code load} and {@code store}, becomes {@code double}); a {@code double}
 * that is the Mat API's scalar type in both precisions is marked {@code /*f64*}{@code /} {@code double}; a
 * narrowing from such a scalar to the element type is written as an explicit {@code (double)} cast
 * (a float32 {@code (float)}); a value float32 cannot hold is marked {@code /*float32: VALUE*}{@code /}.
 * The generator refuses what it cannot translate.
 */
public final class DoubleMat extends Mat {

    /** Magnitude below which {@link #flushDenormals} writes zero. */
    static final double FLUSH = /*float32: ScalarRows.FLUSH*/ 1e-290;
    /** The largest value flushed: |v| - BELOW_FLUSH is positive exactly when |v| >= FLUSH. */
    static final double BELOW_FLUSH = Math.nextDown(FLUSH);
    /**
     * BIG * BIG times any positive difference of two values is at least 1, so min(max(d * BIG * BIG, 0), 1)
     * is the step function [d > 0] for non-NaN d: a select written with min, max and multiply, which C2
     * vectorizes (a conditional expression in a loop it does not, and runs 4x slower; measured).
     */
    private static final double BIG = /*float32: ScalarRows.BIG*/ 1e300;

    /** [x > 0] as 0 or 1 for non-NaN x (NaN gives NaN). */
    static double step(double x) {
        return Math.min(Math.max(x * BIG * BIG, 0.0), 1.0);
    }

    final double[][] d;
    final int off;
    /** Rows for {@link #aligned} (slots 0-3) and the block ops (slots 2, 3), grown as needed. */
    private final double[][] scratch = new double[4][];
    private double[] diagonal;

    public DoubleMat(int rows, int cols) {
        this(new double[rows][cols], rows, 0, cols);
    }

    DoubleMat(double[][] d, int rows, int off, int cols) {
        super(rows, cols);
        this.d = d;
        this.off = off;
    }

    /** Direct access to row r (columns [offset(), offset() + cols()) belong to this matrix). */
    public double[] row(int r) {
        return d[r];
    }

    public int offset() {
        return off;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    static DoubleMat f(Mat m) {
        if (!(m instanceof DoubleMat)) {
            throw new IllegalArgumentException("mixed precision: " + Precision.FLOAT64 + " and " + m.precision());
        }
        return (DoubleMat) m;
    }

    /** Row r of m with m's window at this matrix's offset: m's own row if aligned, else a copy in scratch slot. */
    final double[] aligned(DoubleMat m, int r, int slot) {
        if (m.off == off) return m.d[r];
        double[] s = blockScratch(slot, off + cols);
        System.arraycopy(m.d[r], m.off, s, off, cols);
        return s;
    }

    /** Scratch slot {@code slot}, at least n values long (its contents are whatever an earlier call left). */
    private double[] blockScratch(int slot, int n) {
        double[] s = scratch[slot];
        if (s == null || s.length < n) s = scratch[slot] = new double[n];
        return s;
    }

    /** A copy of m whose window starts at this matrix's offset (the slow path of products). */
    final DoubleMat alignedCopy(DoubleMat m) {
        DoubleMat c = new DoubleMat(new double[m.rows][off + m.cols], m.rows, off, m.cols);
        c.set(m);
        return c;
    }

    // ---- memory: element access, copies, views ----

    @Override
    public Mat columns(int from, int width) {
        if (from < 0 || width < 0 || from + width > cols) {
            throw new IllegalArgumentException("column window [" + from + ", " + (from + width) + ") outside 0.." + cols);
        }
        return new DoubleMat(d, rows, off + from, width);
    }

    /** The rows of blocks (all of this class and one width) in order, sharing storage; see {@link Mat#stackRows}. */
    static DoubleMat stack(Mat[] blocks) {
        int n = 0;
        for (Mat m : blocks) n += m.rows;
        double[][] rowsOf = new double[n][];
        int at = 0, offset = f(blocks[0]).off;
        for (Mat m : blocks) {
            DoubleMat b = f(m);
            if (b.off != offset) throw new IllegalArgumentException("stackRows: column windows differ");
            System.arraycopy(b.d, 0, rowsOf, at, b.rows);
            at += b.rows;
        }
        return new DoubleMat(rowsOf, n, offset, blocks[0].cols);
    }

    @Override
    public /*f64*/ double get(int r, int c) {
        return d[r][off + c];
    }

    @Override
    public void set(int r, int c, /*f64*/ double v) {
        d[r][off + c] = (double) v;
    }

    @Override
    public void zero() {
        fill(0);
    }

    @Override
    public void fill(/*f64*/ double v) {
        final double fv = (double) v;
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(d[r], off, off + cols, fv);
        }
    }

    @Override
    public void set(Mat src) {
        requireSameShape(src, "set");
        DoubleMat s = f(src);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(s.d[r], s.off, d[r], off, cols);
        }
    }

    @Override
    public void load(double[] src, int offset) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, offset + r * cols, d[r], off, cols);
        }
    }

    @Override
    public void load(float[] src, int offset) {
        for (int r = 0; r < rows; r++) {
            double[] dr = d[r];
            int base = offset + r * cols;
            for (int j = 0; j < cols; j++) dr[off + j] = (double) src[base + j];
        }
    }

    @Override
    public void store(double[] dst, int offset) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(d[r], off, dst, offset + r * cols, cols);
        }
    }

    @Override
    public void store(float[] dst, int offset) {
        for (int r = 0; r < rows; r++) {
            double[] dr = d[r];
            int base = offset + r * cols;
            for (int j = 0; j < cols; j++) dst[base + j] = (float) dr[off + j];
        }
    }

    @Override
    public void setTranspose(Mat src) {
        requireShape(src, cols, rows, "setTranspose");
        DoubleMat s = f(src);
        for (int r = 0; r < rows; r++) {
            double[] dr = d[r];
            for (int c = 0; c < cols; c++) dr[off + c] = s.d[c][s.off + r];
        }
    }

    @Override
    public void zeroDiagonal() {
        if (rows != cols) throw new IllegalArgumentException("zeroDiagonal needs a square matrix, got " + rows + "x" + cols);
        for (int i = 0; i < rows; i++) d[i][off + i] = 0;
    }

    // ---- products ----

    @Override
    public void addMatMul(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "addMatMul left operand");
        requireShape(bm, am.cols, cols, "addMatMul right operand");
        matMul(f(am), f(bm), Double.NEGATIVE_INFINITY, false);
    }

    @Override
    public void setMatMul(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "setMatMul left operand");
        requireShape(bm, am.cols, cols, "setMatMul right operand");
        matMul(f(am), f(bm), Double.NEGATIVE_INFINITY, true);
    }

    @Override
    public void setMatMulRelu(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "setMatMulRelu left operand");
        requireShape(bm, am.cols, cols, "setMatMulRelu right operand");
        matMul(f(am), f(bm), 0.0, true);
    }

    /** this = max(a, floor) b if {@code set}, else this += max(a, floor) b, shapes checked: the product ops' one way in. */
    void matMul(DoubleMat a, DoubleMat b, double floor, boolean set) {
        if (set) zero();
        addMatMulLoops(a, b, floor);
    }

    /**
     * this += max(a, floor) b in Java loops that skip the zero entries of max(a, floor): floor is
     * -infinity for a itself, 0 for its ReLU (max keeps NaN either way).
     */
    final void addMatMulLoops(DoubleMat a, DoubleMat b, double floor) {
        if (b.off != off) b = alignedCopy(b);
        final int k = a.cols, ao = a.off, lo = off, hi = off + cols;
        for (int i = 0; i < rows; i++) {
            double[] c = d[i], ar = a.d[i];
            int p = 0;
            for (; p + 3 < k; p += 4) {
                // a quad of the left row; its zero entries (ReLU outputs are about half zero) are left out
                // of the sum one by one, and the others summed in the same order as the full quad would be,
                // so the result is the full quad's to the last bit (adding an exact zero changes nothing)
                double[] b0 = b.d[p], b1 = b.d[p + 1], b2 = b.d[p + 2], b3 = b.d[p + 3];
                double x0 = Math.max(ar[ao + p], floor), x1 = Math.max(ar[ao + p + 1], floor), x2 = Math.max(ar[ao + p + 2], floor), x3 = Math.max(ar[ao + p + 3], floor);
                int n = 0;
                if (x0 != 0.0) n++;
                if (x1 != 0.0) { if (n == 0) { x0 = x1; b0 = b1; } n++; }
                if (x2 != 0.0) { if (n == 0) { x0 = x2; b0 = b2; } else if (n == 1) { x1 = x2; b1 = b2; } n++; }
                if (x3 != 0.0) { if (n == 0) { x0 = x3; b0 = b3; } else if (n == 1) { x1 = x3; b1 = b3; } else if (n == 2) { x2 = x3; b2 = b3; } n++; }
                if (n == 4) {
                    for (int j = lo; j < hi; j++) c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                } else if (n == 3) {
                    for (int j = lo; j < hi; j++) c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j];
                } else if (n == 2) {
                    for (int j = lo; j < hi; j++) c[j] += x0 * b0[j] + x1 * b1[j];
                } else if (n == 1) {
                    for (int j = lo; j < hi; j++) c[j] += x0 * b0[j];
                }
            }
            for (; p < k; p++) {
                double x = Math.max(ar[ao + p], floor);
                if (x == 0.0) continue;
                double[] b0 = b.d[p];
                for (int j = lo; j < hi; j++) c[j] += x * b0[j];
            }
        }
    }

    @Override
    public void addTransAMatMul(Mat am, Mat bm) {
        requireShape(am, am.rows, rows, "addTransAMatMul left operand");
        requireShape(bm, am.rows, cols, "addTransAMatMul right operand");
        transAMatMul(f(am), f(bm), false);
    }

    @Override
    public void addTransAMatMulRelu(Mat am, Mat bm) {
        requireShape(am, am.rows, rows, "addTransAMatMulRelu left operand");
        requireShape(bm, am.rows, cols, "addTransAMatMulRelu right operand");
        transAMatMul(f(am), f(bm), true);
    }

    /**
     * this += a^T b, or a^T max(b, 0) if {@code relu} (the ReLU taken as b is read, so no matrix holds
     * it), shapes checked: four rows of b at a time into each row of this, skipping quads of zeros in
     * a's column.
     */
    void transAMatMul(DoubleMat a, DoubleMat b, boolean relu) {
        if (b.off != off) b = alignedCopy(b);
        final int m = a.rows, ao = a.off, lo = off, hi = off + cols;
        for (int p = 0; p < rows; p++) {
            double[] c = d[p];
            int i = 0;
            for (; i + 3 < m; i += 4) {
                double x0 = a.d[i][ao + p], x1 = a.d[i + 1][ao + p], x2 = a.d[i + 2][ao + p], x3 = a.d[i + 3][ao + p];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) continue;
                double[] b0 = b.d[i], b1 = b.d[i + 1], b2 = b.d[i + 2], b3 = b.d[i + 3];
                if (relu) {
                    for (int j = lo; j < hi; j++) {
                        c[j] += x0 * Math.max(b0[j], 0.0) + x1 * Math.max(b1[j], 0.0) + x2 * Math.max(b2[j], 0.0) + x3 * Math.max(b3[j], 0.0);
                    }
                } else {
                    for (int j = lo; j < hi; j++) c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
            for (; i < m; i++) {
                double x = a.d[i][ao + p];
                if (x == 0.0) continue;
                double[] b0 = b.d[i];
                if (relu) {
                    for (int j = lo; j < hi; j++) c[j] += x * Math.max(b0[j], 0.0);
                } else {
                    for (int j = lo; j < hi; j++) c[j] += x * b0[j];
                }
            }
        }
    }

    @Override
    public void addDiagonalProduct(Mat am, Mat sqm, /*f64*/ double s) {
        requireSameShape(am, "addDiagonalProduct operand");
        requireShape(sqm, cols, cols, "addDiagonalProduct square");
        DoubleMat a = f(am), sq = f(sqm);
        final double fs = (double) s;
        final int so = sq.off, lo = off, hi = off + cols;
        // the diagonal, gathered once into a row at this matrix's offset; nothing to do if it is zero
        if (diagonal == null || diagonal.length < hi) diagonal = new double[hi];
        double[] g = diagonal;
        boolean any = false;
        for (int j = 0; j < cols; j++) {
            double v = sq.d[j][so + j];
            g[lo + j] = v;
            any |= v != 0.0;
        }
        if (!any) return;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += fs * ar[j] * g[j];
        }
    }

    // ---- broadcasts ----

    @Override
    public void addRowBroadcast(Mat rowm) {
        requireShape(rowm, 1, cols, "addRowBroadcast");
        double[] v = aligned(f(rowm), 0, 0);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = lo; j < hi; j++) c[j] += v[j];
        }
    }

    @Override
    public void addProductRowBroadcast(Mat am, Mat rowm) {
        requireSameShape(am, "addProductRowBroadcast operand");
        requireShape(rowm, 1, cols, "addProductRowBroadcast row");
        DoubleMat a = f(am);
        double[] v = aligned(f(rowm), 0, 1);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += ar[j] * v[j];
        }
    }

    @Override
    public void addDiagonalAffine(Mat xm, Mat scalem, Mat biasm) {
        requireSameShape(xm, "addDiagonalAffine operand");
        requireShape(scalem, 1, cols, "addDiagonalAffine scale");
        requireShape(biasm, 1, cols, "addDiagonalAffine bias");
        DoubleMat x = f(xm);
        double[] sc = aligned(f(scalem), 0, 1), b = aligned(f(biasm), 0, 2);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            addDiagonalAffineRow(d[r], aligned(x, r, 0), sc, b, lo, hi);
        }
    }

    /** c += x .* s + b over [lo, hi). */
    void addDiagonalAffineRow(double[] c, double[] x, double[] s, double[] b, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += x[j] * s[j] + b[j];
    }

    @Override
    public void setScaledPlusReluMasked(Mat am, Mat rowm, Mat gm, Mat xm) {
        requireSameShape(am, "setScaledPlusReluMasked operand");
        requireShape(rowm, 1, cols, "setScaledPlusReluMasked row");
        requireSameShape(gm, "setScaledPlusReluMasked gated operand");
        requireSameShape(xm, "setScaledPlusReluMasked mask");
        DoubleMat a = f(am), g = f(gm), x = f(xm);
        double[] v = aligned(f(rowm), 0, 3);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            scaledPlusReluMaskedRow(d[r], aligned(a, r, 0), v, aligned(g, r, 1), aligned(x, r, 2), lo, hi);
        }
    }

    /** c = a .* v + g .* [x > 0] over [lo, hi). */
    void scaledPlusReluMaskedRow(double[] c, double[] a, double[] v, double[] g, double[] x, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] = a[j] * v[j] + g[j] * step(x[j]);
    }

    @Override
    public void multiplyColumnBroadcast(Mat colm) {
        requireShape(colm, rows, 1, "multiplyColumnBroadcast");
        DoubleMat v = f(colm);
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            double s = v.d[r][v.off];
            for (int j = 0; j < n; j++) c[co + j] *= s;
        }
    }

    // ---- element-wise ----

    @Override
    public void addScaled(Mat am, /*f64*/ double s) {
        requireSameShape(am, "addScaled");
        DoubleMat a = f(am);
        final double fs = (double) s;
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += fs * ar[j];
        }
    }

    @Override
    public void scale(/*f64*/ double s) {
        final double fs = (double) s;
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = lo; j < hi; j++) c[j] *= fs;
        }
    }

    @Override
    public void addScalar(/*f64*/ double s) {
        final double fs = (double) s;
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = 0; j < n; j++) c[co + j] += fs;
        }
    }

    @Override
    public void setProduct(Mat am, Mat bm) {
        requireSameShape(am, "setProduct");
        requireSameShape(bm, "setProduct");
        DoubleMat a = f(am), b = f(bm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0), br = aligned(b, r, 1);
            for (int j = lo; j < hi; j++) c[j] = ar[j] * br[j];
        }
    }

    @Override
    public void addProduct(Mat am, Mat bm) {
        requireSameShape(am, "addProduct");
        requireSameShape(bm, "addProduct");
        DoubleMat a = f(am), b = f(bm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0), br = aligned(b, r, 1);
            for (int j = lo; j < hi; j++) c[j] += ar[j] * br[j];
        }
    }

    @Override
    public void multiply(Mat am) {
        requireSameShape(am, "multiply");
        DoubleMat a = f(am);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] *= ar[j];
        }
    }

    @Override
    public void setReciprocal(Mat am) {
        requireSameShape(am, "setReciprocal");
        DoubleMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) c[co + j] = 1.0 / ar[ao + j];
        }
    }

    @Override
    public void setTanh(Mat am) {
        requireSameShape(am, "setTanh");
        DoubleMat a = f(am);
        for (int r = 0; r < rows; r++) {
            tanhRow(aligned(a, r, 0), d[r], off, off + cols);
        }
    }

    /** dst = tanh(src) over [lo, hi). */
    void tanhRow(double[] src, double[] dst, int lo, int hi) {
        for (int j = lo; j < hi; j++) dst[j] = Math.tanh(src[j]);
    }

    @Override
    public void setSigmoid(Mat am) {
        requireSameShape(am, "setSigmoid");
        DoubleMat a = f(am);
        for (int r = 0; r < rows; r++) {
            sigmoidRow(aligned(a, r, 0), d[r], off, off + cols);
        }
    }

    /** dst = 1 / (1 + exp(-src)) over [lo, hi). */
    void sigmoidRow(double[] src, double[] dst, int lo, int hi) {
        for (int j = lo; j < hi; j++) dst[j] = 1.0 / (1.0 + Math.exp(-src[j]));
    }

    @Override
    public void setRelu(Mat am) {
        requireSameShape(am, "setRelu");
        DoubleMat a = f(am);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] = Math.max(ar[j], 0.0);
        }
    }

    @Override
    public void setSoftplus(Mat am) {
        requireSameShape(am, "setSoftplus");
        DoubleMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) {
                double x = ar[ao + j];
                c[co + j] = Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
            }
        }
    }

    @Override
    public void setLogPositivePart(Mat am, /*f64*/ double delta) {
        requireSameShape(am, "setLogPositivePart");
        DoubleMat a = f(am);
        final double dl = (double) delta;
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) c[co + j] = Math.log(Math.max(ar[ao + j], 0.0) + dl);
        }
    }

    @Override
    public void clip(/*f64*/ double limit) {
        final double hi = (double) limit, lo = -hi;
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = 0; j < n; j++) c[co + j] = Math.max(lo, Math.min(hi, c[co + j]));
        }
    }

    @Override
    public void multiplyTanhDerivative(Mat ym) {
        requireSameShape(ym, "multiplyTanhDerivative");
        DoubleMat y = f(ym);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], yr = aligned(y, r, 0);
            for (int j = lo; j < hi; j++) {
                double v = yr[j];
                c[j] *= 1.0 - v * v;
            }
        }
    }

    @Override
    public void multiplySigmoidDerivative(Mat ym) {
        requireSameShape(ym, "multiplySigmoidDerivative");
        DoubleMat y = f(ym);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], yr = aligned(y, r, 0);
            for (int j = lo; j < hi; j++) {
                double v = yr[j];
                c[j] *= v * (1.0 - v);
            }
        }
    }

    @Override
    public void multiplyReluDerivative(Mat xm) {
        requireSameShape(xm, "multiplyReluDerivative");
        DoubleMat x = f(xm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], xr = aligned(x, r, 0);
            for (int j = lo; j < hi; j++) c[j] *= step(xr[j]);
        }
    }

    @Override
    public void multiplyClipDerivative(Mat ym, /*f64*/ double limit) {
        requireSameShape(ym, "multiplyClipDerivative");
        DoubleMat y = f(ym);
        final double lim = (double) limit;
        final int yo = y.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], yr = y.d[r];
            for (int j = 0; j < n; j++) c[co + j] = Math.abs(yr[yo + j]) < lim ? c[co + j] : 0.0;
        }
    }

    @Override
    public void multiplyLogPositivePartDerivative(Mat am, /*f64*/ double delta) {
        requireSameShape(am, "multiplyLogPositivePartDerivative");
        DoubleMat a = f(am);
        final double dl = (double) delta;
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) {
                double x = ar[ao + j];
                c[co + j] = x > 0.0 ? c[co + j] / (x + dl) : 0.0;
            }
        }
    }

    @Override
    public void flushDenormals() {
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            flushRow(d[r], lo, hi);
        }
    }

    /** c = 0 where |c| < FLUSH (as +0), else c, over [lo, hi). */
    void flushRow(double[] c, int lo, int hi) {
        for (int j = lo; j < hi; j++) {
            double v = c[j];
            c[j] = v * step(Math.abs(v) - BELOW_FLUSH) + 0.0; // + 0: a flushed -tiny becomes +0, not -0
        }
    }

    @Override
    public /*f64*/ double flushThreshold() {
        return FLUSH;
    }

    // ---- reductions ----

    @Override
    public void addColumnSums(Mat src) {
        requireShape(this, 1, src.cols, "addColumnSums destination");
        DoubleMat s = f(src);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < s.rows; r++) {
            addRow(d[0], aligned(s, r, 0), lo, hi);
        }
    }

    /** c += a over [lo, hi). */
    void addRow(double[] c, double[] a, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += a[j];
    }

    @Override
    public void addColumnSumsOfProduct(Mat am, Mat bm) {
        requireShape(this, 1, am.cols, "addColumnSumsOfProduct destination");
        requireShape(bm, am.rows, am.cols, "addColumnSumsOfProduct operand");
        DoubleMat a = f(am), b = f(bm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < a.rows; r++) {
            addProductRow(d[0], aligned(a, r, 0), aligned(b, r, 1), lo, hi);
        }
    }

    /** c += a .* b over [lo, hi). */
    void addProductRow(double[] c, double[] a, double[] b, int lo, int hi) {
        for (int j = lo; j < hi; j++) c[j] += a[j] * b[j];
    }

    @Override
    public void setRowDots(Mat am, Mat bm) {
        requireShape(this, am.rows, 1, "setRowDots destination");
        requireShape(bm, am.rows, am.cols, "setRowDots operand");
        DoubleMat a = f(am), b = f(bm);
        final int ao = a.off, bo = b.off, n = a.cols;
        for (int r = 0; r < rows; r++) {
            double[] ar = a.d[r], br = b.d[r];
            double s = 0.0;
            for (int j = 0; j < n; j++) s += ar[ao + j] * br[bo + j];
            d[r][off] = s;
        }
    }

    @Override
    public void setRowSoftmax(Mat am) {
        requireSameShape(am, "setRowSoftmax");
        DoubleMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, ar[ao + j]);
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(ar[ao + j] - max);
                c[co + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < n; j++) c[co + j] *= inv;
        }
    }

    @Override
    public void setRowSoftmaxBackward(Mat ym, Mat dym) {
        requireSameShape(ym, "setRowSoftmaxBackward output");
        requireSameShape(dym, "setRowSoftmaxBackward gradient");
        DoubleMat y = f(ym), dy = f(dym);
        final int yo = y.off, go = dy.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], yr = y.d[r], gr = dy.d[r];
            double dot = 0.0;
            for (int j = 0; j < n; j++) dot += gr[go + j] * yr[yo + j];
            for (int j = 0; j < n; j++) c[co + j] = yr[yo + j] * (gr[go + j] - dot);
        }
    }

    @Override
    public /*f64*/ double sumOfSquares() {
        /*f64*/ double s = 0;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = 0; j < cols; j++) {
                /*f64*/ double v = c[off + j];
                s += v * v;
            }
        }
        return s;
    }

    @Override
    public boolean isFinite() {
        for (int r = 0; r < rows; r++) {
            double[] c = d[r];
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(c[off + j])) return false;
            }
        }
        return true;
    }

    // ---- block ops (see Mat) ----
    //
    // Every array of an inner loop is indexed by one variable k that runs over the columns of one
    // p x q block row (the rule of the class comment). An N-vector used against every block row (a
    // weighting, a scale) is copied next to that row in a scratch array first, and a sum over block
    // rows is carried from one row's position to the next ("chained") in scratch. Measured in float32
    // on the NTM's shapes (16 samples, p = 20, q = 128): 2-3x faster than loops mixing offsets.

    /** Row r of a block matrix x with its window at this matrix's offset (x's own row if aligned). */
    private double[] alignedBlock(DoubleMat x, int r, int slot) {
        if (x.off == off) return x.d[r];
        double[] s = blockScratch(slot, off + x.cols);
        System.arraycopy(x.d[r], x.off, s, off, x.cols);
        return s;
    }

    @Override
    public void setBlockColumnNorms(Mat am, /*f64*/ double eps) {
        requireShape(am, rows, am.cols, "setBlockColumnNorms operand");
        DoubleMat a = f(am);
        final int q = cols, p = blockRows(a, q, "setBlockColumnNorms"), ao = a.off;
        final double e2 = (double) (eps * eps);
        double[] s = blockScratch(2, ao + p * q);
        for (int r = 0; r < rows; r++) {
            double[] ar = a.d[r];
            int base = ao; // the running sum sits at the current block row's columns of s
            java.util.Arrays.fill(s, base, base + q, e2);
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    System.arraycopy(s, base, s, base + q, q);
                    base += q;
                }
                for (int k = base, end = base + q; k < end; k++) s[k] += ar[k] * ar[k];
            }
            for (int k = base, end = base + q; k < end; k++) s[k] = Math.sqrt(s[k]);
            System.arraycopy(s, base, d[r], off, q);
        }
    }

    @Override
    public void addBlockVecMat(Mat am, Mat vm) {
        requireShape(vm, rows, vm.cols, "addBlockVecMat vector");
        requireShape(am, rows, vm.cols * cols, "addBlockVecMat matrix");
        DoubleMat a = f(am), v = f(vm);
        final int q = cols, p = v.cols, ao = a.off, vo = v.off;
        double[] s = blockScratch(2, ao + p * q);
        for (int r = 0; r < rows; r++) {
            double[] ar = a.d[r], vr = v.d[r];
            int base = ao; // the running sum, starting from this row's values, chained along the block rows
            System.arraycopy(d[r], off, s, base, q);
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    System.arraycopy(s, base, s, base + q, q);
                    base += q;
                }
                double x = vr[vo + j];
                if (x == 0.0) continue;
                for (int k = base, end = base + q; k < end; k++) s[k] += x * ar[k];
            }
            System.arraycopy(s, base, d[r], off, q);
        }
    }

    @Override
    public void addBlockMatVec(Mat am, Mat um) {
        requireShape(um, rows, um.cols, "addBlockMatVec vector");
        requireShape(am, rows, cols * um.cols, "addBlockMatVec matrix");
        DoubleMat a = f(am), u = f(um);
        final int q = u.cols, p = cols, ao = a.off, uo = u.off, co = off;
        // sums only (no stores in the inner loop), so mixed offsets cost nothing here
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], ar = a.d[r], ur = u.d[r];
            int j = 0;
            for (; j + 3 < p; j += 4) { // four rows at once: four independent sums keep the adder busy
                int b0 = ao + j * q, b1 = b0 + q, b2 = b1 + q, b3 = b2 + q;
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                for (int i = 0; i < q; i++) {
                    double x = ur[uo + i];
                    s0 += ar[b0 + i] * x;
                    s1 += ar[b1 + i] * x;
                    s2 += ar[b2 + i] * x;
                    s3 += ar[b3 + i] * x;
                }
                c[co + j] += s0;
                c[co + j + 1] += s1;
                c[co + j + 2] += s2;
                c[co + j + 3] += s3;
            }
            for (; j < p; j++) {
                int base = ao + j * q;
                double s = 0.0;
                for (int i = 0; i < q; i++) s += ar[base + i] * ur[uo + i];
                c[co + j] += s;
            }
        }
    }

    @Override
    public void addBlockOuter(Mat vm, Mat um) {
        requireShape(vm, rows, vm.cols, "addBlockOuter left");
        requireShape(um, rows, um.cols, "addBlockOuter right");
        requireShape(this, rows, vm.cols * um.cols, "addBlockOuter destination");
        DoubleMat v = f(vm), u = f(um);
        final int q = u.cols, p = v.cols, vo = v.off, uo = u.off, co = off;
        double[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], vr = v.d[r], ur = u.d[r];
            for (int j = 0; j < p; j++) {
                double x = vr[vo + j];
                if (x == 0.0) continue;
                int base = co + j * q;
                System.arraycopy(ur, uo, s, base, q);
                for (int k = base, end = base + q; k < end; k++) c[k] += x * s[k];
            }
        }
    }

    @Override
    public void setProductOneMinusBlockOuter(Mat xm, Mat vm, Mat um) {
        requireShape(vm, rows, vm.cols, "setProductOneMinusBlockOuter left");
        requireShape(um, rows, um.cols, "setProductOneMinusBlockOuter right");
        requireShape(this, rows, vm.cols * um.cols, "setProductOneMinusBlockOuter destination");
        requireSameShape(xm, "setProductOneMinusBlockOuter operand");
        DoubleMat x = f(xm), v = f(vm), u = f(um);
        final int q = u.cols, p = v.cols, vo = v.off, uo = u.off, co = off;
        double[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], xr = alignedBlock(x, r, 3), vr = v.d[r], ur = u.d[r];
            for (int j = 0; j < p; j++) {
                double a = vr[vo + j];
                int base = co + j * q;
                if (a == 0.0) {
                    if (xr != c) System.arraycopy(xr, base, c, base, q);
                    continue;
                }
                System.arraycopy(ur, uo, s, base, q);
                for (int k = base, end = base + q; k < end; k++) c[k] = xr[k] * (1.0 - a * s[k]);
            }
        }
    }

    @Override
    public void addBlockColumnScaled(Mat cm, Mat xm) {
        requireSameShape(xm, "addBlockColumnScaled operand");
        requireShape(cm, rows, cm.cols, "addBlockColumnScaled scales");
        DoubleMat sc = f(cm), x = f(xm);
        final int q = sc.cols, p = blockRows(x, q, "addBlockColumnScaled"), so = sc.off, co = off;
        double[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], sr = sc.d[r], xr = alignedBlock(x, r, 3);
            for (int j = 0; j < p; j++) {
                int base = co + j * q;
                System.arraycopy(sr, so, s, base, q);
                for (int k = base, end = base + q; k < end; k++) c[k] += s[k] * xr[k];
            }
        }
    }

    // ---- shifts ----

    @Override
    public void setCircularConvolution(Mat wm, Mat sm) {
        requireSameShape(wm, "setCircularConvolution signal");
        requireShape(sm, rows, sm.cols, "setCircularConvolution kernel");
        DoubleMat w = f(wm), s = f(sm);
        final int rad = kernelRadius(s, "setCircularConvolution"), n = cols, wo = w.off, so = s.off, co = off;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], wr = w.d[r], sr = s.d[r];
            java.util.Arrays.fill(c, co, co + n, 0.0);
            for (int k = -rad; k <= rad; k++) {
                double a = sr[so + k + rad];
                int sh = Math.floorMod(k, n); // this[i] += a * w[i - sh], indices mod n, in two contiguous runs
                for (int i = sh; i < n; i++) c[co + i] += a * wr[wo + i - sh];
                for (int i = 0; i < sh; i++) c[co + i] += a * wr[wo + i - sh + n];
            }
        }
    }

    @Override
    public void addCircularConvolutionInputGradient(Mat gm, Mat sm) {
        requireSameShape(gm, "addCircularConvolutionInputGradient gradient");
        requireShape(sm, rows, sm.cols, "addCircularConvolutionInputGradient kernel");
        DoubleMat g = f(gm), s = f(sm);
        final int rad = kernelRadius(s, "addCircularConvolutionInputGradient"), n = cols, go = g.off, so = s.off, co = off;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], gr = g.d[r], sr = s.d[r];
            for (int k = -rad; k <= rad; k++) {
                double a = sr[so + k + rad];
                int sh = Math.floorMod(k, n); // this[j] += a * g[j + sh], indices mod n
                for (int j = 0; j < n - sh; j++) c[co + j] += a * gr[go + j + sh];
                for (int j = n - sh; j < n; j++) c[co + j] += a * gr[go + j + sh - n];
            }
        }
    }

    @Override
    public void addCircularConvolutionKernelGradient(Mat gm, Mat wm) {
        requireShape(gm, rows, gm.cols, "addCircularConvolutionKernelGradient gradient");
        requireShape(wm, gm.rows, gm.cols, "addCircularConvolutionKernelGradient signal");
        DoubleMat g = f(gm), w = f(wm);
        final int rad = kernelRadius(this, "addCircularConvolutionKernelGradient"), n = g.cols, go = g.off, wo = w.off, co = off;
        for (int r = 0; r < rows; r++) {
            double[] c = d[r], gr = g.d[r], wr = w.d[r];
            for (int k = -rad; k <= rad; k++) {
                int sh = Math.floorMod(k, n); // sum_i g[i] w[i - sh], indices mod n
                double acc = 0.0;
                for (int i = sh; i < n; i++) acc += gr[go + i] * wr[wo + i - sh];
                for (int i = 0; i < sh; i++) acc += gr[go + i] * wr[wo + i - sh + n];
                c[co + k + rad] += acc;
            }
        }
    }
}
