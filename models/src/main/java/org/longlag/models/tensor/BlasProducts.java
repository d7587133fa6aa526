package org.longlag.models.tensor;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas;

/**
 * float32 products through OpenBLAS's {@code cblas_sgemm}, for the shapes where that beats
 * {@link FloatMat}'s Java loops: many rows in the dimension the loops repeat over.
 *
 * <p>Why: the Java loops vectorize along one row of the result, so they run each row of the right
 * operand through the core once per row of the left one, and C2's vector loop needs long rows;
 * sgemm blocks for the caches and keeps results in registers. Measured on this repository's
 * 2-core AVX-512 machine, one thread, packing included ({@code bench/ab-models}, forward + BPTT
 * time per step, sgemm path / Java loops): PLRNN M = 64 batch 32: 0.87, M = 128 batch 16: 0.90,
 * M = 64 batch 16 (65k multiply-adds per product): 1.06; LSTM H = 64 batch 16: 0.81, H = 128
 * batch 32: 0.70; NTM (controller 100) batch 16: 0.91; and with batch 500 sgemm takes a half to a
 * quarter of the loops' time for inner sizes 40-256. Hence: sgemm from 2^17 multiply-adds per
 * product, and always for a^T b summed over 128 rows or more (the loops walk a's columns, strided
 * over those rows, whatever the width); in both cases only if the left operand is
 * {@link #density dense enough}.
 *
 * <p>The operands are {@code float[][]} rows with column windows, so each call packs them into
 * direct buffers (one set per thread, grown as needed; a cache, not state: nothing carries from
 * one call to the next) and unpacks the result. The results equal the loops' up to float
 * rounding (the summation order differs); the path depends only on the shapes and on the left
 * operand's count of zeros, so runs stay bitwise reproducible. sgemm runs on the calling thread when OpenBLAS has one thread
 * ({@code OMP_NUM_THREADS=1}, as the longlag scripts and the test setup set it).
 */
final class BlasProducts {

    /** Multiply-adds of one product from which sgemm is used. */
    static final long MIN_WORK = 1L << 17;
    /** Rows summed over in a^T b from which sgemm is used whatever the product's size. */
    static final int MIN_SUMMED_ROWS = 128;
    /** Smallest dimension worth a gemm: products with an input of width 2 stay in Java. */
    static final int MIN_SIDE = 16;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /**
     * The buffers each thread used last, by thread id mod 64, in front of {@link #BUFFERS}: ND4J fills
     * the main thread's ThreadLocal map, and looking the buffers up there took 6 % of a PLRNN step
     * (M = 40, batch 500, JFR). Weak, so a dead thread's buffers go with its ThreadLocal map; racy
     * by design, since an entry is used only by the thread that owns it and any other read is a miss.
     */
    @SuppressWarnings("unchecked")
    private static final WeakReference<Buffers>[] RECENT = new WeakReference[64];

    private BlasProducts() {
    }

    /** Whether c[rows x cols] += a[rows x k] b[k x cols] goes to sgemm. */
    static boolean forMatMul(int rows, int k, int cols) {
        return rows >= MIN_SIDE && k >= MIN_SIDE && cols >= MIN_SIDE && (long) rows * k * cols >= MIN_WORK;
    }

    /** Whether c[rows x cols] += a^T b, with a [n x rows] and b [n x cols], goes to sgemm. */
    static boolean forTransAMatMul(int n, int rows, int cols) {
        return n >= MIN_SUMMED_ROWS || forMatMul(rows, n, cols);
    }

    /** What a left operand's zeros make of a product that is large enough for sgemm. */
    enum Density {
        /** Every entry is zero: the product adds nothing (the Java loops, too, skip zero entries). */
        ZERO,
        /** Fewer than a quarter nonzero: the Java loops, which skip zero entries. */
        SPARSE,
        /** At least a quarter nonzero: sgemm. */
        DENSE
    }

    /**
     * Whether at least a quarter of max(a, floor)'s entries are nonzero, and if not, whether any is;
     * floor is -infinity for a itself, 0 for its ReLU (NaN counts as nonzero either way). The Java
     * loops skip zero entries of the left operand and sgemm does not: in a long backward pass through
     * a contracting network most state gradients are flushed to exact zeros, and there the loops win
     * (PLRNN M = 256, T = 500, addition: sgemm for every product ran at 0.65x the loops' speed), and
     * a gradient that has vanished altogether costs only this scan. Stops at the row that reaches the quarter.
     * (Counting only every 17th row of the engine's stacked steps made the count cheaper, but the
     * PLRNN step at M = 256, batch 500 took 1.15x the time: the estimate picked the slower path.)
     */
    static Density density(FloatMat a, float floor) {
        long need = ((long) a.rows * a.cols + 3) / 4, n = 0;
        final int lo = a.off, hi = a.off + a.cols;
        for (int r = 0; r < a.rows; r++) {
            n += RowLoops.countNonzero(a.d[r], lo, hi, floor);
            if (n >= need) return Density.DENSE;
        }
        return n == 0 ? Density.ZERO : Density.SPARSE;
    }

    /** c += a b. */
    static void addMatMul(FloatMat c, FloatMat a, FloatMat b) {
        Buffers s = buffers();
        gemm(s, c, s.pack(0, a), a, false, s.pack(1, b), b, true);
    }

    /** c = a b: sgemm with beta = 0, so c is neither zeroed nor packed. */
    static void setMatMul(FloatMat c, FloatMat a, FloatMat b) {
        Buffers s = buffers();
        gemm(s, c, s.pack(0, a), a, false, s.pack(1, b), b, false);
    }

    /** c = max(a, 0) b: a's ReLU is formed as a is packed. */
    static void setMatMulRelu(FloatMat c, FloatMat a, FloatMat b) {
        Buffers s = buffers();
        gemm(s, c, s.packRelu(0, a), a, false, s.pack(1, b), b, false);
    }

    /** c += a^T b. */
    static void addTransAMatMul(FloatMat c, FloatMat a, FloatMat b) {
        Buffers s = buffers();
        gemm(s, c, s.pack(0, a), a, true, s.pack(1, b), b, true);
    }

    /** c += a^T max(b, 0): b's ReLU is formed as b is packed. */
    static void addTransAMatMulRelu(FloatMat c, FloatMat a, FloatMat b) {
        Buffers s = buffers();
        gemm(s, c, s.pack(0, a), a, true, s.packRelu(1, b), b, true);
    }

    /** c = max(a, 0) b + x cx as one product [relu(a) | x] [b ; cx]. */
    static void setMatMulReluPlusMatMul(FloatMat c, FloatMat a, FloatMat b, FloatMat x, FloatMat cx) {
        Buffers s = buffers();
        int k = a.cols + x.cols;
        FloatBuffer pa = s.packSideBySide(0, a, true, x), pb = s.slot(1, k * b.cols);
        s.packAt(pb, 0, b);
        s.packAt(pb, b.rows * b.cols, cx);
        FloatBuffer pc = s.slot(2, c.rows * c.cols);
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                c.rows, c.cols, k, 1f, pa, k, pb, c.cols, 0f, pc, c.cols);
        unpack(pc, c);
    }

    /** c += a^T max(b, 0) and cx += a^T x as one product: [c | cx] += a^T [relu(b) | x]. */
    static void addTransAMatMulReluAlongside(FloatMat c, FloatMat cx, FloatMat a, FloatMat b, FloatMat x) {
        Buffers s = buffers();
        int k = b.cols + x.cols;
        FloatBuffer pa = s.pack(0, a), pb = s.packSideBySide(1, b, true, x), pc = s.packSideBySide(2, c, false, cx);
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans,
                c.rows, k, a.rows, 1f, pa, a.cols, pb, k, 1f, pc, k);
        for (int r = 0; r < c.rows; r++) {
            pc.get(r * k, c.d[r], c.off, c.cols);
            pc.get(r * k + c.cols, cx.d[r], cx.off, cx.cols);
        }
    }

    /**
     * c = op(a) b, plus c's old value if {@code accumulate}; op(a) = a^T if {@code transA}; {@code pa}
     * and {@code pb} hold a and b (or what stands for them, such as a ReLU) packed: one sgemm, c
     * unpacked. With beta = 0 sgemm writes c without reading it.
     */
    private static void gemm(Buffers s, FloatMat c, FloatBuffer pa, FloatMat a, boolean transA, FloatBuffer pb, FloatMat b, boolean accumulate) {
        FloatBuffer pc = accumulate ? s.pack(2, c) : s.slot(2, c.rows * c.cols);
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans, openblas.CblasNoTrans,
                c.rows, c.cols, transA ? a.rows : a.cols, 1f, pa, a.cols, pb, b.cols, accumulate ? 1f : 0f, pc, c.cols);
        unpack(pc, c);
    }

    private static void unpack(FloatBuffer src, FloatMat m) {
        for (int r = 0; r < m.rows; r++) src.get(r * m.cols, m.d[r], m.off, m.cols);
    }

    /** Three growable direct buffers in native order (what cblas reads without a copy). */
    /** This thread's buffers. */
    private static Buffers buffers() {
        Thread t = Thread.currentThread();
        int i = (int) (t.getId() & (RECENT.length - 1));
        WeakReference<Buffers> ref = RECENT[i];
        Buffers b = ref == null ? null : ref.get();
        if (b == null || b.owner != t) {
            b = BUFFERS.get();
            RECENT[i] = b.self;
        }
        return b;
    }

    private static final class Buffers {
        private final Thread owner = Thread.currentThread();
        private final WeakReference<Buffers> self = new WeakReference<>(this);
        private final FloatBuffer[] slots = new FloatBuffer[3];
        private float[] row = new float[0];

        /** m's window, row after row, in slot i. */
        FloatBuffer pack(int i, FloatMat m) {
            FloatBuffer buf = slot(i, m.rows * m.cols);
            packAt(buf, 0, m);
            return buf;
        }

        /** m's window, row after row, into buf from element {@code at} on. */
        void packAt(FloatBuffer buf, int at, FloatMat m) {
            for (int r = 0; r < m.rows; r++) buf.put(at + r * m.cols, m.d[r], m.off, m.cols);
        }

        /**
         * [relu(m) | x], or [m | x] if not {@code relu}, row after row in slot i (x null for none). Each row is formed in a heap row first (the bulk put is the fast one), at
         * m's offset: a loop indexing both arrays by one variable is the one C2 vectorizes.
         */
        FloatBuffer packSideBySide(int i, FloatMat m, boolean relu, FloatMat x) {
            final int lo = m.off, hi = m.off + m.cols, k = m.cols + (x == null ? 0 : x.cols);
            FloatBuffer buf = slot(i, m.rows * k);
            if (row.length < lo + k) row = new float[lo + k];
            float[] y = row;
            for (int r = 0; r < m.rows; r++) {
                if (!relu) System.arraycopy(m.d[r], lo, y, lo, m.cols);
                else RowLoops.relu(y, m.d[r], lo, hi);
                if (x != null) System.arraycopy(x.d[r], x.off, y, hi, x.cols);
                buf.put(r * k, y, lo, k);
            }
            return buf;
        }

        /** max(m, 0) row after row in slot i. */
        FloatBuffer packRelu(int i, FloatMat m) {
            return packSideBySide(i, m, true, null);
        }

        /** Slot i, holding at least n floats (its contents are whatever an earlier call left). */
        FloatBuffer slot(int i, int n) {
            FloatBuffer buf = slots[i];
            if (buf == null || buf.capacity() < n) {
                buf = slots[i] = ByteBuffer.allocateDirect(Math.max(n, 1) * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
            return buf;
        }
    }
}
