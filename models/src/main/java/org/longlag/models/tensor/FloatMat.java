package org.longlag.models.tensor;

/**
 * float32 {@link Mat}: {@code float[][]} rows with a column window [off, off + cols).
 *
 * <p>Its Java loops are not written here: they are {@code FloatMatLoops}, which the build generates
 * from {@link DoubleMat}, the one source of both precisions' loops (whose class comment says why the
 * loops have their forms). This class adds only what float32 does faster, each measured:
 * <ul>
 * <li>Products of 2^17 multiply-adds or more go to OpenBLAS's sgemm ({@link BlasProducts}, where the
 *     thresholds are measured), if the left operand has enough nonzeros; a^T b with a mostly-zero a
 *     walks a row by row instead ({@link #addTransAMatMulSparse}).</li>
 * <li>tanh and sigmoid are a clamped rational function ({@link FastTanh}), 60x faster than
 *     {@code Math.tanh} because the loop vectorizes.</li>
 * <li>The element-wise passes over rows too short for C2's vector loops (a state of M = 40) run on
 *     the Vector API when it is there ({@link RowLoops} chooses, per row, between {@link VectorRows}
 *     and the plain {@link ScalarRows}), the denormal flush among them.</li>
 * </ul>
 */
public final class FloatMat extends FloatMatLoops {

    public FloatMat(int rows, int cols) {
        super(rows, cols);
    }

    FloatMat(float[][] d, int rows, int off, int cols) {
        super(d, rows, off, cols);
    }

    // ---- products: sgemm from BlasProducts' sizes on, else the generated loops ----

    @Override
    void matMul(FloatMat a, FloatMat b, float floor, boolean set) {
        BlasProducts.Density density = BlasProducts.forMatMul(rows, a.cols, cols) ? BlasProducts.density(a, floor) : BlasProducts.Density.SPARSE;
        if (density == BlasProducts.Density.DENSE && (set || floor != 0f)) { // (no sgemm form adds a ReLU product)
            if (!set) BlasProducts.addMatMul(this, a, b);
            else if (floor == 0f) BlasProducts.setMatMulRelu(this, a, b); // beta = 0: this is neither zeroed nor read
            else BlasProducts.setMatMul(this, a, b);
            return;
        }
        if (set) zero();
        if (density != BlasProducts.Density.ZERO) addMatMulLoops(a, b, floor);
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

    /** this += a^T b, or a^T max(b, 0) if {@code relu}: sgemm, the row-wise loop for a mostly-zero a, or the generated loops. */
    @Override
    void transAMatMul(FloatMat a, FloatMat b, boolean relu) {
        if (!BlasProducts.forTransAMatMul(a.rows, rows, cols)) {
            super.transAMatMul(a, b, relu);
            return;
        }
        switch (BlasProducts.density(a, Float.NEGATIVE_INFINITY)) {
            case ZERO: return;
            case DENSE:
                if (relu) BlasProducts.addTransAMatMulRelu(this, a, b);
                else BlasProducts.addTransAMatMul(this, a, b);
                return;
            default: addTransAMatMulSparse(a, b, relu ? 0f : Float.NEGATIVE_INFINITY);
        }
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

    /**
     * this += a^T max(b, floor) for an a of mostly zeros, walking a row by row (contiguously) and
     * adding b's row i into this's row p for each nonzero a[i][p]; floor is -infinity for b itself, 0
     * for its ReLU. (The general loop walks a's columns, strided over a's rows, and tests four entries
     * at a time, most of which are zero here.)
     */
    private void addTransAMatMulSparse(FloatMat a, FloatMat b, float floor) {
        if (b.off != off) b = alignedCopy(b);
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

    // ---- the generated loops' row passes, on FastTanh and the Vector API ----

    @Override
    void tanhRow(float[] src, float[] dst, int lo, int hi) {
        FastTanh.tanh(src, dst, lo, hi);
    }

    @Override
    void sigmoidRow(float[] src, float[] dst, int lo, int hi) {
        FastTanh.sigmoid(src, dst, lo, hi);
    }

    @Override
    void flushRow(float[] c, int lo, int hi) {
        RowLoops.flush(c, lo, hi);
    }

    @Override
    void addRow(float[] c, float[] a, int lo, int hi) {
        RowLoops.add(c, a, lo, hi);
    }

    @Override
    void addProductRow(float[] c, float[] a, float[] b, int lo, int hi) {
        RowLoops.addProduct(c, a, b, lo, hi);
    }

    @Override
    void addDiagonalAffineRow(float[] c, float[] x, float[] s, float[] b, int lo, int hi) {
        RowLoops.addDiagonalAffine(c, x, s, b, lo, hi);
    }

    @Override
    void scaledPlusReluMaskedRow(float[] c, float[] a, float[] v, float[] g, float[] x, int lo, int hi) {
        RowLoops.scaledPlusReluMasked(c, a, v, g, x, lo, hi);
    }
}
