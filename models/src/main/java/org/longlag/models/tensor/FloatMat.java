package org.longlag.models.tensor;

import org.longlag.models.Precision;

/**
 * float32 {@link Mat}: {@code float[][]} rows with a column window [off, off + cols).
 *
 * <p>The loops are written in the forms the C2 compiler vectorizes (JDK 17, measured): contiguous
 * inner loops over one row, products unrolled four source rows at a time into one destination row
 * (~35 GFLOP/s per core against ~28 for plain axpy; eight at a time stops vectorizing), and every
 * array in a loop indexed by the same variable. The last point matters: C2 cannot rule out that
 * two arrays are the same one, so a loop mixing offsets ({@code c[co + j] += a[ao + j]}) runs 4-5x
 * slower. An operand whose window is not aligned with the destination's is therefore first copied
 * (the {@code arraycopy} intrinsic) into a scratch row of the destination at the destination's
 * offset. Products need the right operand aligned with the destination (weights and gate buffers
 * are, by construction); otherwise a slower path is taken.
 *
 * <p>Products of 2^17 multiply-adds or more go to OpenBLAS's sgemm instead ({@link BlasProducts},
 * where the thresholds are measured). The element-wise passes over rows too short for C2's vector
 * loops (a state of M = 40) run on the Vector API when it is there ({@link RowLoops} chooses,
 * per row, between {@link VectorRows} and the plain {@link ScalarRows}).
 *
 * <p>{@link DoubleMat} is the float64 twin of this class and must stay in step with it (in what it
 * computes; float64 is the checking precision and keeps the Java loops for every shape).
 */
public final class FloatMat extends Mat {

    final float[][] d;
    final int off;
    private float[][] scratch = new float[4][];
    private float[] diagonal;

    public FloatMat(int rows, int cols) {
        this(new float[rows][cols], rows, 0, cols);
    }

    private FloatMat(float[][] d, int rows, int off, int cols) {
        super(rows, cols);
        this.d = d;
        this.off = off;
    }

    /** The rows of blocks (all FloatMat of one width) in order, sharing storage; see {@link Mat#stackRows}. */
    static FloatMat stack(Mat[] blocks) {
        int n = 0;
        for (Mat m : blocks) n += m.rows;
        float[][] rowsOf = new float[n][];
        int at = 0, offset = f(blocks[0]).off;
        for (Mat m : blocks) {
            FloatMat b = f(m);
            if (b.off != offset) throw new IllegalArgumentException("stackRows: column windows differ");
            System.arraycopy(b.d, 0, rowsOf, at, b.rows);
            at += b.rows;
        }
        return new FloatMat(rowsOf, n, offset, blocks[0].cols);
    }

    /** Direct access to row r (columns [offset(), offset() + cols()) belong to this matrix). */
    public float[] row(int r) {
        return d[r];
    }

    public int offset() {
        return off;
    }

    private static FloatMat f(Mat m) {
        if (!(m instanceof FloatMat)) {
            throw new IllegalArgumentException("mixed precision: FLOAT32 and " + m.precision());
        }
        return (FloatMat) m;
    }

    /** Row r of m with m's window at this matrix's offset: m's own row if aligned, else a copy in scratch slot. */
    private float[] aligned(FloatMat m, int r, int slot) {
        if (m.off == off) return m.d[r];
        float[] s = scratch[slot];
        if (s == null || s.length < off + cols) s = scratch[slot] = new float[off + cols]; // slots 2, 3 are shared with the block ops
        System.arraycopy(m.d[r], m.off, s, off, cols);
        return s;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public Mat columns(int from, int width) {
        if (from < 0 || width < 0 || from + width > cols) {
            throw new IllegalArgumentException("column window [" + from + ", " + (from + width) + ") outside 0.." + cols);
        }
        return new FloatMat(d, rows, off + from, width);
    }

    @Override
    public double get(int r, int c) {
        return d[r][off + c];
    }

    @Override
    public void set(int r, int c, double v) {
        d[r][off + c] = (float) v;
    }

    @Override
    public void zero() {
        fill(0);
    }

    @Override
    public void fill(double v) {
        float fv = (float) v;
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(d[r], off, off + cols, fv);
        }
    }

    @Override
    public void set(Mat src) {
        requireSameShape(src, "set");
        FloatMat s = f(src);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(s.d[r], s.off, d[r], off, cols);
        }
    }

    @Override
    public void load(float[] src, int offset) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, offset + r * cols, d[r], off, cols);
        }
    }

    @Override
    public void load(double[] src, int offset) {
        for (int r = 0; r < rows; r++) {
            float[] dr = d[r];
            int base = offset + r * cols;
            for (int j = 0; j < cols; j++) dr[off + j] = (float) src[base + j];
        }
    }

    @Override
    public void store(float[] dst, int offset) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(d[r], off, dst, offset + r * cols, cols);
        }
    }

    @Override
    public void store(double[] dst, int offset) {
        for (int r = 0; r < rows; r++) {
            float[] dr = d[r];
            int base = offset + r * cols;
            for (int j = 0; j < cols; j++) dst[base + j] = dr[off + j];
        }
    }

    @Override
    public void addMatMul(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "addMatMul left operand");
        requireShape(bm, am.cols, cols, "addMatMul right operand");
        FloatMat a = f(am), b = f(bm);
        if (BlasProducts.forMatMul(rows, a.cols, cols)) {
            switch (BlasProducts.density(a, Float.NEGATIVE_INFINITY)) {
                case ZERO: return;
                case DENSE: BlasProducts.addMatMul(this, a, b); return;
                default: break;
            }
        }
        addMatMulLoops(a, b, Float.NEGATIVE_INFINITY);
    }

    @Override
    public void setMatMul(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "setMatMul left operand");
        requireShape(bm, am.cols, cols, "setMatMul right operand");
        FloatMat a = f(am), b = f(bm);
        BlasProducts.Density density = BlasProducts.forMatMul(rows, a.cols, cols) ? BlasProducts.density(a, Float.NEGATIVE_INFINITY) : BlasProducts.Density.SPARSE;
        if (density == BlasProducts.Density.DENSE) {
            BlasProducts.setMatMul(this, a, b);
            return;
        }
        zero();
        if (density != BlasProducts.Density.ZERO) addMatMulLoops(a, b, Float.NEGATIVE_INFINITY);
    }

    @Override
    public void setMatMulRelu(Mat am, Mat bm) {
        requireShape(am, rows, am.cols, "setMatMulRelu left operand");
        requireShape(bm, am.cols, cols, "setMatMulRelu right operand");
        FloatMat a = f(am), b = f(bm);
        BlasProducts.Density density = BlasProducts.forMatMul(rows, a.cols, cols) ? BlasProducts.density(a, 0f) : BlasProducts.Density.SPARSE;
        if (density == BlasProducts.Density.DENSE) {
            BlasProducts.setMatMulRelu(this, a, b);
            return;
        }
        zero();
        if (density != BlasProducts.Density.ZERO) addMatMulLoops(a, b, 0f);
    }

    @Override
    public void setMatMulReluPlusMatMul(Mat am, Mat bm, Mat xm, Mat cm) {
        requireShape(am, rows, am.cols, "setMatMulReluPlusMatMul left operand");
        requireShape(bm, am.cols, cols, "setMatMulReluPlusMatMul right operand");
        requireShape(xm, rows, xm.cols, "setMatMulReluPlusMatMul second left operand");
        requireShape(cm, xm.cols, cols, "setMatMulReluPlusMatMul second right operand");
        FloatMat a = f(am), b = f(bm), x = f(xm), c = f(cm);
        if (BlasProducts.forMatMul(rows, a.cols + x.cols, cols) && BlasProducts.density(a, 0f) == BlasProducts.Density.DENSE) {
            BlasProducts.setMatMulReluPlusMatMul(this, a, b, x, c);
            return;
        }
        super.setMatMulReluPlusMatMul(a, b, x, c);
    }

    /**
     * this += max(a, floor) b in Java loops that skip the zero entries of max(a, floor): floor is
     * -infinity for a itself, 0 for its ReLU (max keeps NaN either way).
     */
    private void addMatMulLoops(FloatMat a, FloatMat b, float floor) {
        if (b.off != off) b = (FloatMat) alignedCopy(b);
        final int k = a.cols, ao = a.off, lo = off, hi = off + cols;
        for (int i = 0; i < rows; i++) {
            float[] c = d[i], ar = a.d[i];
            int p = 0;
            for (; p + 3 < k; p += 4) {
                // a quad of the left row; its zero entries (ReLU outputs are about half zero) are left out
                // of the sum one by one, and the others summed in the same order as the full quad would be,
                // so the result is the full quad's to the last bit (adding an exact zero changes nothing)
                float[] b0 = b.d[p], b1 = b.d[p + 1], b2 = b.d[p + 2], b3 = b.d[p + 3];
                float x0 = Math.max(ar[ao + p], floor), x1 = Math.max(ar[ao + p + 1], floor), x2 = Math.max(ar[ao + p + 2], floor), x3 = Math.max(ar[ao + p + 3], floor);
                int n = 0;
                if (x0 != 0f) n++;
                if (x1 != 0f) { if (n == 0) { x0 = x1; b0 = b1; } n++; }
                if (x2 != 0f) { if (n == 0) { x0 = x2; b0 = b2; } else if (n == 1) { x1 = x2; b1 = b2; } n++; }
                if (x3 != 0f) { if (n == 0) { x0 = x3; b0 = b3; } else if (n == 1) { x1 = x3; b1 = b3; } else if (n == 2) { x2 = x3; b2 = b3; } n++; }
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
                float x = Math.max(ar[ao + p], floor);
                if (x == 0f) continue;
                float[] b0 = b.d[p];
                for (int j = lo; j < hi; j++) c[j] += x * b0[j];
            }
        }
    }

    @Override
    public void addTransAMatMul(Mat am, Mat bm) {
        addTransAMatMul(am, bm, Float.NEGATIVE_INFINITY, "addTransAMatMul");
    }

    @Override
    public void addTransAMatMulRelu(Mat am, Mat bm) {
        addTransAMatMul(am, bm, 0f, "addTransAMatMulRelu");
    }

    @Override
    public void addTransAMatMulReluAlongside(Mat am, Mat bm, Mat otherm, Mat xm) {
        requireShape(am, am.rows, rows, "addTransAMatMulReluAlongside left operand");
        requireShape(bm, am.rows, cols, "addTransAMatMulReluAlongside right operand");
        requireShape(otherm, rows, otherm.cols, "addTransAMatMulReluAlongside second destination");
        requireShape(xm, am.rows, otherm.cols, "addTransAMatMulReluAlongside second right operand");
        FloatMat a = f(am), b = f(bm), other = f(otherm), x = f(xm);
        if (BlasProducts.forTransAMatMul(a.rows, rows, cols + x.cols)) {
            switch (BlasProducts.density(a, Float.NEGATIVE_INFINITY)) {
                case ZERO: return;
                case DENSE: BlasProducts.addTransAMatMulReluAlongside(this, other, a, b, x); return;
                default: break;
            }
        }
        super.addTransAMatMulReluAlongside(a, b, other, x);
    }

    /** this += a^T max(b, floor): floor is -infinity for b itself, 0 for its ReLU (the same device as {@link #addMatMulLoops}). */
    private void addTransAMatMul(Mat am, Mat bm, float floor, String op) {
        requireShape(am, am.rows, rows, op + " left operand");
        requireShape(bm, am.rows, cols, op + " right operand");
        FloatMat a = f(am), b = f(bm);
        boolean relu = floor == 0f;
        if (BlasProducts.forTransAMatMul(a.rows, rows, cols)) {
            switch (BlasProducts.density(a, Float.NEGATIVE_INFINITY)) {
                case ZERO: return;
                case DENSE:
                    if (relu) BlasProducts.addTransAMatMulRelu(this, a, b);
                    else BlasProducts.addTransAMatMul(this, a, b);
                    return;
                default: addTransAMatMulSparse(a, b, floor); return;
            }
        }
        if (relu) { // few rows: the ReLU formed in a copy, then the general loop (not a hot path)
            FloatMat r = new FloatMat(b.rows, b.cols);
            r.setRelu(b);
            b = r;
        }
        if (b.off != off) b = (FloatMat) alignedCopy(b);
        final int m = a.rows, ao = a.off, lo = off, hi = off + cols;
        for (int p = 0; p < rows; p++) {
            float[] c = d[p];
            int i = 0;
            for (; i + 3 < m; i += 4) {
                float x0 = a.d[i][ao + p], x1 = a.d[i + 1][ao + p], x2 = a.d[i + 2][ao + p], x3 = a.d[i + 3][ao + p];
                if (x0 == 0f && x1 == 0f && x2 == 0f && x3 == 0f) continue;
                float[] b0 = b.d[i], b1 = b.d[i + 1], b2 = b.d[i + 2], b3 = b.d[i + 3];
                for (int j = lo; j < hi; j++) {
                    c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
            for (; i < m; i++) {
                float x = a.d[i][ao + p];
                if (x == 0f) continue;
                float[] b0 = b.d[i];
                for (int j = lo; j < hi; j++) c[j] += x * b0[j];
            }
        }
    }

    /**
     * this += a^T max(b, floor) for an a of mostly zeros, walking a row by row (contiguously) and
     * adding b's row i into this's row p for each nonzero a[i][p]; floor is -infinity for b itself, 0
     * for its ReLU. (The general loop walks a's columns, strided over a's rows, and tests four entries
     * at a time, most of which are zero here.)
     */
    private void addTransAMatMulSparse(FloatMat a, FloatMat b, float floor) {
        if (b.off != off) b = (FloatMat) alignedCopy(b);
        final int ao = a.off, lo = off, hi = off + cols;
        for (int i = 0; i < a.rows; i++) {
            float[] ar = a.d[i], br = b.d[i];
            for (int p = 0; p < rows; p++) {
                float x = ar[ao + p];
                if (x == 0f) continue;
                RowLoops.axpyMax(d[p], x, br, floor, lo, hi);
            }
        }
    }

    /** A copy of m whose window starts at this matrix's offset (the slow path of products). */
    private Mat alignedCopy(FloatMat m) {
        FloatMat c = new FloatMat(new float[m.rows][off + m.cols], m.rows, off, m.cols);
        c.set(m);
        return c;
    }

    @Override
    public void setTranspose(Mat src) {
        requireShape(src, cols, rows, "setTranspose");
        FloatMat s = f(src);
        for (int r = 0; r < rows; r++) {
            float[] dr = d[r];
            for (int c = 0; c < cols; c++) dr[off + c] = s.d[c][s.off + r];
        }
    }

    @Override
    public void addRowBroadcast(Mat rowm) {
        requireShape(rowm, 1, cols, "addRowBroadcast");
        float[] v = aligned(f(rowm), 0, 0);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = lo; j < hi; j++) c[j] += v[j];
        }
    }

    @Override
    public void addProductRowBroadcast(Mat am, Mat rowm) {
        requireSameShape(am, "addProductRowBroadcast operand");
        requireShape(rowm, 1, cols, "addProductRowBroadcast row");
        FloatMat a = f(am);
        float[] v = aligned(f(rowm), 0, 1);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += ar[j] * v[j];
        }
    }

    @Override
    public void addColumnSums(Mat src) {
        requireShape(this, 1, src.cols, "addColumnSums destination");
        FloatMat s = f(src);
        float[] c = d[0];
        final int lo = off, hi = off + cols;
        for (int r = 0; r < s.rows; r++) {
            float[] sr = aligned(s, r, 0);
            RowLoops.add(c, sr, lo, hi);
        }
    }

    @Override
    public void addColumnSumsOfProduct(Mat am, Mat bm) {
        requireShape(this, 1, am.cols, "addColumnSumsOfProduct destination");
        requireShape(bm, am.rows, am.cols, "addColumnSumsOfProduct operand");
        FloatMat a = f(am), b = f(bm);
        float[] c = d[0];
        final int lo = off, hi = off + cols;
        for (int r = 0; r < a.rows; r++) {
            float[] ar = aligned(a, r, 0), br = aligned(b, r, 1);
            RowLoops.addProduct(c, ar, br, lo, hi);
        }
    }

    @Override
    public void addScaled(Mat am, double s) {
        requireSameShape(am, "addScaled");
        FloatMat a = f(am);
        final float fs = (float) s;
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += fs * ar[j];
        }
    }

    @Override
    public void scale(double s) {
        final float fs = (float) s;
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = lo; j < hi; j++) c[j] *= fs;
        }
    }

    @Override
    public void setProduct(Mat am, Mat bm) {
        requireSameShape(am, "setProduct");
        requireSameShape(bm, "setProduct");
        FloatMat a = f(am), b = f(bm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0), br = aligned(b, r, 1);
            for (int j = lo; j < hi; j++) c[j] = ar[j] * br[j];
        }
    }

    @Override
    public void addProduct(Mat am, Mat bm) {
        requireSameShape(am, "addProduct");
        requireSameShape(bm, "addProduct");
        FloatMat a = f(am), b = f(bm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0), br = aligned(b, r, 1);
            for (int j = lo; j < hi; j++) c[j] += ar[j] * br[j];
        }
    }

    @Override
    public void multiply(Mat am) {
        requireSameShape(am, "multiply");
        FloatMat a = f(am);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] *= ar[j];
        }
    }

    @Override
    public void setTanh(Mat am) {
        requireSameShape(am, "setTanh");
        FloatMat a = f(am);
        for (int r = 0; r < rows; r++) {
            FastTanh.tanh(aligned(a, r, 0), d[r], off, off + cols);
        }
    }

    @Override
    public void setSigmoid(Mat am) {
        requireSameShape(am, "setSigmoid");
        FloatMat a = f(am);
        for (int r = 0; r < rows; r++) {
            FastTanh.sigmoid(aligned(a, r, 0), d[r], off, off + cols);
        }
    }

    @Override
    public void setRelu(Mat am) {
        requireSameShape(am, "setRelu");
        FloatMat a = f(am);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] = Math.max(ar[j], 0f);
        }
    }

    @Override
    public void multiplyTanhDerivative(Mat ym) {
        requireSameShape(ym, "multiplyTanhDerivative");
        FloatMat y = f(ym);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], yr = aligned(y, r, 0);
            for (int j = lo; j < hi; j++) {
                float v = yr[j];
                c[j] *= 1f - v * v;
            }
        }
    }

    @Override
    public void multiplySigmoidDerivative(Mat ym) {
        requireSameShape(ym, "multiplySigmoidDerivative");
        FloatMat y = f(ym);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], yr = aligned(y, r, 0);
            for (int j = lo; j < hi; j++) {
                float v = yr[j];
                c[j] *= v * (1f - v);
            }
        }
    }

    @Override
    public void multiplyReluDerivative(Mat xm) {
        requireSameShape(xm, "multiplyReluDerivative");
        FloatMat x = f(xm);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], xr = aligned(x, r, 0);
            for (int j = lo; j < hi; j++) c[j] *= ScalarRows.step(xr[j]);
        }
    }

    @Override
    public void flushDenormals() {
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            RowLoops.flush(d[r], lo, hi);
        }
    }

    @Override
    public double flushThreshold() {
        return ScalarRows.FLUSH;
    }

    @Override
    public double sumOfSquares() {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = 0; j < cols; j++) {
                double v = c[off + j];
                s += v * v;
            }
        }
        return s;
    }

    @Override
    public boolean isFinite() {
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(c[off + j])) return false;
            }
        }
        return true;
    }

    // ---- added for PLRNN

    @Override
    public void addDiagonalProduct(Mat am, Mat sqm, double s) {
        requireSameShape(am, "addDiagonalProduct operand");
        requireShape(sqm, cols, cols, "addDiagonalProduct square");
        FloatMat a = f(am), sq = f(sqm);
        final float fs = (float) s;
        final int so = sq.off, lo = off, hi = off + cols;
        // the diagonal, gathered once into a row at this matrix's offset; nothing to do if it is zero
        if (diagonal == null || diagonal.length < hi) diagonal = new float[hi];
        float[] g = diagonal;
        boolean any = false;
        for (int j = 0; j < cols; j++) {
            float v = sq.d[j][so + j];
            g[lo + j] = v;
            any |= v != 0f;
        }
        if (!any) return;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0);
            for (int j = lo; j < hi; j++) c[j] += fs * ar[j] * g[j];
        }
    }

    @Override
    public void addDiagonalAffine(Mat xm, Mat scalem, Mat biasm) {
        requireSameShape(xm, "addDiagonalAffine operand");
        requireShape(scalem, 1, cols, "addDiagonalAffine scale");
        requireShape(biasm, 1, cols, "addDiagonalAffine bias");
        FloatMat x = f(xm);
        float[] sc = aligned(f(scalem), 0, 1), b = aligned(f(biasm), 0, 2);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], xr = aligned(x, r, 0);
            RowLoops.addDiagonalAffine(c, xr, sc, b, lo, hi);
        }
    }

    @Override
    public void setScaledPlusReluMasked(Mat am, Mat rowm, Mat gm, Mat xm) {
        requireSameShape(am, "setScaledPlusReluMasked operand");
        requireShape(rowm, 1, cols, "setScaledPlusReluMasked row");
        requireSameShape(gm, "setScaledPlusReluMasked gated operand");
        requireSameShape(xm, "setScaledPlusReluMasked mask");
        FloatMat a = f(am), g = f(gm), x = f(xm);
        float[] v = aligned(f(rowm), 0, 3);
        final int lo = off, hi = off + cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = aligned(a, r, 0), gr = aligned(g, r, 1), xr = aligned(x, r, 2);
            RowLoops.scaledPlusReluMasked(c, ar, v, gr, xr, lo, hi);
        }
    }

    @Override
    public void zeroDiagonal() {
        if (rows != cols) throw new IllegalArgumentException("zeroDiagonal needs a square matrix, got " + rows + "x" + cols);
        for (int i = 0; i < rows; i++) d[i][off + i] = 0f;
    }

    // ---- added for NTM (see Mat); DoubleMat has the twin of every loop ----

    @Override
    public void setSoftplus(Mat am) {
        requireSameShape(am, "setSoftplus");
        FloatMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) {
                float x = ar[ao + j];
                c[co + j] = Math.max(x, 0f) + (float) Math.log1p(Math.exp(-Math.abs(x)));
            }
        }
    }

    @Override
    public void addScalar(double s) {
        final float fs = (float) s;
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = 0; j < n; j++) c[co + j] += fs;
        }
    }

    @Override
    public void setReciprocal(Mat am) {
        requireSameShape(am, "setReciprocal");
        FloatMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) c[co + j] = 1f / ar[ao + j];
        }
    }

    @Override
    public void clip(double limit) {
        final float hi = (float) limit, lo = -hi;
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            for (int j = 0; j < n; j++) c[co + j] = Math.max(lo, Math.min(hi, c[co + j]));
        }
    }

    @Override
    public void multiplyClipDerivative(Mat ym, double limit) {
        requireSameShape(ym, "multiplyClipDerivative");
        FloatMat y = f(ym);
        final float lim = (float) limit;
        final int yo = y.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], yr = y.d[r];
            for (int j = 0; j < n; j++) c[co + j] = Math.abs(yr[yo + j]) < lim ? c[co + j] : 0f;
        }
    }

    @Override
    public void setLogPositivePart(Mat am, double delta) {
        requireSameShape(am, "setLogPositivePart");
        FloatMat a = f(am);
        final float dl = (float) delta;
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) c[co + j] = (float) Math.log(Math.max(ar[ao + j], 0f) + dl);
        }
    }

    @Override
    public void multiplyLogPositivePartDerivative(Mat am, double delta) {
        requireSameShape(am, "multiplyLogPositivePartDerivative");
        FloatMat a = f(am);
        final float dl = (float) delta;
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r];
            for (int j = 0; j < n; j++) {
                float x = ar[ao + j];
                c[co + j] = x > 0f ? c[co + j] / (x + dl) : 0f;
            }
        }
    }

    @Override
    public void setRowSoftmax(Mat am) {
        requireSameShape(am, "setRowSoftmax");
        FloatMat a = f(am);
        final int ao = a.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r];
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, ar[ao + j]);
            float sum = 0f;
            for (int j = 0; j < n; j++) {
                float e = (float) Math.exp(ar[ao + j] - max);
                c[co + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j < n; j++) c[co + j] *= inv;
        }
    }

    @Override
    public void setRowSoftmaxBackward(Mat ym, Mat dym) {
        requireSameShape(ym, "setRowSoftmaxBackward output");
        requireSameShape(dym, "setRowSoftmaxBackward gradient");
        FloatMat y = f(ym), dy = f(dym);
        final int yo = y.off, go = dy.off, co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], yr = y.d[r], gr = dy.d[r];
            float dot = 0f;
            for (int j = 0; j < n; j++) dot += gr[go + j] * yr[yo + j];
            for (int j = 0; j < n; j++) c[co + j] = yr[yo + j] * (gr[go + j] - dot);
        }
    }

    @Override
    public void setRowDots(Mat am, Mat bm) {
        requireShape(this, am.rows, 1, "setRowDots destination");
        requireShape(bm, am.rows, am.cols, "setRowDots operand");
        FloatMat a = f(am), b = f(bm);
        final int ao = a.off, bo = b.off, n = a.cols;
        for (int r = 0; r < rows; r++) {
            float[] ar = a.d[r], br = b.d[r];
            float s = 0f;
            for (int j = 0; j < n; j++) s += ar[ao + j] * br[bo + j];
            d[r][off] = s;
        }
    }

    @Override
    public void multiplyColumnBroadcast(Mat colm) {
        requireShape(colm, rows, 1, "multiplyColumnBroadcast");
        FloatMat v = f(colm);
        final int co = off, n = cols;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r];
            float s = v.d[r][v.off];
            for (int j = 0; j < n; j++) c[co + j] *= s;
        }
    }

    // The block ops below keep every array of an inner loop at one index k that runs over the
    // columns of one p x q block row (the FloatMat rule above). An N-vector used against every
    // block row (a weighting, a scale) is copied next to that row in a scratch array first, and a
    // sum over block rows is carried from one row's position to the next ("chained") in scratch.
    // Measured on the NTM's shapes (16 samples, p = 20, q = 128): 2-3x faster than loops mixing
    // offsets, which C2 does not vectorize.

    /** A scratch array of this matrix of at least n floats (slots 0 and 1 are {@link #aligned}'s). */
    private float[] blockScratch(int slot, int n) {
        float[] s = scratch[slot];
        if (s == null || s.length < n) s = scratch[slot] = new float[n];
        return s;
    }

    /** Row r of a p x q block matrix x with its window at this matrix's offset (x's own row if aligned). */
    private float[] alignedBlock(FloatMat x, int r, int slot) {
        if (x.off == off) return x.d[r];
        float[] s = blockScratch(slot, off + x.cols);
        System.arraycopy(x.d[r], x.off, s, off, x.cols);
        return s;
    }

    @Override
    public void setBlockColumnNorms(Mat am, double eps) {
        requireShape(am, rows, am.cols, "setBlockColumnNorms operand");
        FloatMat a = f(am);
        final int q = cols, p = blockRows(a, q, "setBlockColumnNorms"), ao = a.off;
        final float e2 = (float) (eps * eps);
        float[] s = blockScratch(2, ao + p * q);
        for (int r = 0; r < rows; r++) {
            float[] ar = a.d[r];
            int base = ao; // the running sum sits at the current block row's columns of s
            java.util.Arrays.fill(s, base, base + q, e2);
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    System.arraycopy(s, base, s, base + q, q);
                    base += q;
                }
                for (int k = base, end = base + q; k < end; k++) s[k] += ar[k] * ar[k];
            }
            for (int k = base, end = base + q; k < end; k++) s[k] = (float) Math.sqrt(s[k]);
            System.arraycopy(s, base, d[r], off, q);
        }
    }

    @Override
    public void addBlockVecMat(Mat am, Mat vm) {
        requireShape(vm, rows, vm.cols, "addBlockVecMat vector");
        requireShape(am, rows, vm.cols * cols, "addBlockVecMat matrix");
        FloatMat a = f(am), v = f(vm);
        final int q = cols, p = v.cols, ao = a.off, vo = v.off;
        float[] s = blockScratch(2, ao + p * q);
        for (int r = 0; r < rows; r++) {
            float[] ar = a.d[r], vr = v.d[r];
            int base = ao; // the running sum, starting from this row's values, chained along the block rows
            System.arraycopy(d[r], off, s, base, q);
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    System.arraycopy(s, base, s, base + q, q);
                    base += q;
                }
                float x = vr[vo + j];
                if (x == 0f) continue;
                for (int k = base, end = base + q; k < end; k++) s[k] += x * ar[k];
            }
            System.arraycopy(s, base, d[r], off, q);
        }
    }

    @Override
    public void addBlockMatVec(Mat am, Mat um) {
        requireShape(um, rows, um.cols, "addBlockMatVec vector");
        requireShape(am, rows, cols * um.cols, "addBlockMatVec matrix");
        FloatMat a = f(am), u = f(um);
        final int q = u.cols, p = cols, ao = a.off, uo = u.off, co = off;
        // sums only (no stores in the inner loop), so mixed offsets cost nothing here
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], ar = a.d[r], ur = u.d[r];
            int j = 0;
            for (; j + 3 < p; j += 4) { // four rows at once: four independent sums keep the adder busy
                int b0 = ao + j * q, b1 = b0 + q, b2 = b1 + q, b3 = b2 + q;
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                for (int i = 0; i < q; i++) {
                    float x = ur[uo + i];
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
                float s = 0f;
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
        FloatMat v = f(vm), u = f(um);
        final int q = u.cols, p = v.cols, vo = v.off, uo = u.off, co = off;
        float[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], vr = v.d[r], ur = u.d[r];
            for (int j = 0; j < p; j++) {
                float x = vr[vo + j];
                if (x == 0f) continue;
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
        FloatMat x = f(xm), v = f(vm), u = f(um);
        final int q = u.cols, p = v.cols, vo = v.off, uo = u.off, co = off;
        float[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], xr = alignedBlock(x, r, 3), vr = v.d[r], ur = u.d[r];
            for (int j = 0; j < p; j++) {
                float a = vr[vo + j];
                int base = co + j * q;
                if (a == 0f) {
                    if (xr != c) System.arraycopy(xr, base, c, base, q);
                    continue;
                }
                System.arraycopy(ur, uo, s, base, q);
                for (int k = base, end = base + q; k < end; k++) c[k] = xr[k] * (1f - a * s[k]);
            }
        }
    }

    @Override
    public void addBlockColumnScaled(Mat cm, Mat xm) {
        requireSameShape(xm, "addBlockColumnScaled operand");
        requireShape(cm, rows, cm.cols, "addBlockColumnScaled scales");
        FloatMat sc = f(cm), x = f(xm);
        final int q = sc.cols, p = blockRows(x, q, "addBlockColumnScaled"), so = sc.off, co = off;
        float[] s = blockScratch(2, co + p * q);
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], sr = sc.d[r], xr = alignedBlock(x, r, 3);
            for (int j = 0; j < p; j++) {
                int base = co + j * q;
                System.arraycopy(sr, so, s, base, q);
                for (int k = base, end = base + q; k < end; k++) c[k] += s[k] * xr[k];
            }
        }
    }

    @Override
    public void setCircularConvolution(Mat wm, Mat sm) {
        requireSameShape(wm, "setCircularConvolution signal");
        requireShape(sm, rows, sm.cols, "setCircularConvolution kernel");
        FloatMat w = f(wm), s = f(sm);
        final int rad = kernelRadius(s, "setCircularConvolution"), n = cols, wo = w.off, so = s.off, co = off;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], wr = w.d[r], sr = s.d[r];
            java.util.Arrays.fill(c, co, co + n, 0f);
            for (int k = -rad; k <= rad; k++) {
                float a = sr[so + k + rad];
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
        FloatMat g = f(gm), s = f(sm);
        final int rad = kernelRadius(s, "addCircularConvolutionInputGradient"), n = cols, go = g.off, so = s.off, co = off;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], gr = g.d[r], sr = s.d[r];
            for (int k = -rad; k <= rad; k++) {
                float a = sr[so + k + rad];
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
        FloatMat g = f(gm), w = f(wm);
        final int rad = kernelRadius(this, "addCircularConvolutionKernelGradient"), n = g.cols, go = g.off, wo = w.off, co = off;
        for (int r = 0; r < rows; r++) {
            float[] c = d[r], gr = g.d[r], wr = w.d[r];
            for (int k = -rad; k <= rad; k++) {
                int sh = Math.floorMod(k, n); // sum_i g[i] w[i - sh], indices mod n
                float acc = 0f;
                for (int i = sh; i < n; i++) acc += gr[go + i] * wr[wo + i - sh];
                for (int i = 0; i < sh; i++) acc += gr[go + i] * wr[wo + i - sh + n];
                c[co + k + rad] += acc;
            }
        }
    }
}
