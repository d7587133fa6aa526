package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.longlag.models.Tolerances;

/**
 * Every op of {@link Mat}, in float32 and float64, against a naive float64 reference written here
 * (plain loops straight from each op's definition), on random shapes: 1-row and 1-column cases, odd
 * widths, widths around the vector lanes, every operand a column window at an unaligned offset of a
 * wider matrix (or at offset 0), and for the products the shapes on either side of BlasProducts'
 * sgemm thresholds with dense, sparse and all-zero left operands. float64 must match to 1e-12
 * (relative, times the square root of the longest sum), float32 to {@link Tolerances#F32_KERNEL_REL}
 * likewise; the reference for float32 is computed from the float32-rounded operands, so only the
 * kernel's own arithmetic is judged. Every run also checks that the destination's columns outside
 * its window and every operand are left alone.
 *
 * <p>{@link #everyOpOfMatHasACase} lists Mat's public methods by reflection: a new op fails this test
 * until it has a case here.
 */
class MatContractTest {

    /** Public methods of Mat that are accessors, not ops (every case uses them). */
    private static final Set<String> NOT_OPS = Set.of("rows()", "cols()", "precision()", "toString()");
    private static final int RANDOM_TRIALS = 14;
    private static final double SENTINEL = 99;

    // ---- the harness ----

    /** The op on Mats: {@code in} are the operands, {@code dst} the destination (a window). */
    interface Op {
        void apply(Mat dst, Mat[] in);
    }

    /** The reference: updates {@code dst} (a copy of the destination's values) from the operands' values. */
    interface Naive {
        void apply(Precision p, double[][] dst, double[][][] in);
    }

    /** How an operand's values are drawn. */
    interface Fill {
        double next(SplittableRandom rng, Precision p);
    }

    static Fill uniform(double lo, double hi) {
        return (rng, p) -> lo + (hi - lo) * rng.nextDouble();
    }

    /** Uniform in [-1, 1), or 0 with probability {@code zeros}. */
    static Fill sparse(double zeros) {
        return (rng, p) -> rng.nextDouble() < zeros ? 0 : rng.nextDouble() * 2 - 1;
    }

    /** One run of a case: the shapes (destination first), the fills, the longest sum (for the tolerance), windows shared or not. */
    static final class Trial {
        final int[][] dims;
        final Fill[] fills;
        final int sum;
        boolean sameWindows;

        Trial(int sum, int... rc) {
            this.sum = sum;
            dims = new int[rc.length / 2][];
            fills = new Fill[dims.length];
            for (int k = 0; k < dims.length; k++) {
                dims[k] = new int[] {rc[2 * k], rc[2 * k + 1]};
                fills[k] = uniform(-1, 1);
            }
        }

        /** Operand k (0 the destination) drawn from f. */
        Trial fill(int k, Fill f) {
            fills[k] = f;
            return this;
        }

        /** The operands' windows at one offset (stackRows needs it). */
        Trial sameWindows() {
            sameWindows = true;
            return this;
        }

        @Override
        public String toString() {
            return Arrays.stream(dims).map(d -> d[0] + "x" + d[1]).collect(Collectors.joining(", "));
        }
    }

    record Case(String signature, Function<SplittableRandom, Trial> random, List<Trial> fixed, Op op, Naive naive) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void add(String signature, Function<SplittableRandom, Trial> random, Op op, Naive naive, Trial... fixed) {
        if (CASES.put(signature, new Case(signature, random, List.of(fixed), op, naive)) != null) throw new IllegalStateException(signature);
    }

    /** Sizes from 1 to 40, around the vector lanes (8, 16) and odd. */
    private static final int[] DIMS = {1, 1, 2, 3, 4, 5, 7, 8, 9, 13, 15, 16, 17, 23, 31, 33, 40};

    private static int dim(SplittableRandom rng) {
        return DIMS[rng.nextInt(DIMS.length)];
    }

    /** A [rows x cols] window at column {@code at} of a wider matrix whose other columns hold SENTINEL. */
    private static Mat window(Precision p, double[][] v, int rows, int cols, int at, int extra) {
        Mat wide = p.zeros(rows, cols + at + extra);
        wide.fill(SENTINEL);
        Mat m = wide.columns(at, cols);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m.set(r, c, v[r][c]);
        return m;
    }

    private static double[][] values(Mat m) {
        double[][] v = new double[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) v[r][c] = m.get(r, c);
        return v;
    }

    private static double[][] copy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int r = 0; r < v.length; r++) c[r] = v[r].clone();
        return c;
    }

    private static void run(Case k, Trial t, long seed) {
        SplittableRandom layout = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = t.dims.length;
        int[] at = new int[n], extra = new int[n];
        int shared = layout.nextInt(4);
        for (int i = 0; i < n; i++) {
            at[i] = t.sameWindows && i > 0 ? shared : layout.nextInt(3) == 0 ? 0 : 1 + layout.nextInt(5);
            extra[i] = layout.nextInt(3);
        }
        for (Precision p : Precision.values()) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][][] v = new double[n][][];
            Mat[] m = new Mat[n];
            for (int i = 0; i < n; i++) {
                int rows = t.dims[i][0], cols = t.dims[i][1];
                v[i] = new double[rows][cols];
                for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) v[i][r][c] = t.fills[i].next(rng, p);
                m[i] = window(p, v[i], rows, cols, at[i], extra[i]);
                v[i] = values(m[i]); // as the precision holds them
            }
            double[][] expected = copy(v[0]);
            k.naive.apply(p, expected, Arrays.copyOfRange(v, 1, n));
            Mat dst = m[0];
            Mat[] in = Arrays.copyOfRange(m, 1, n);
            k.op.apply(dst, in);
            String what = k.signature + " " + p + " [" + t + "] windows at " + Arrays.toString(at) + " seed " + seed;
            double tol = (p == Precision.FLOAT32 ? Tolerances.F32_KERNEL_REL : 1e-12) * Math.sqrt(Math.max(1, t.sum));
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < expected[r].length; c++) {
                    double e = expected[r][c], a = dst.get(r, c);
                    boolean ok = Double.isNaN(e) ? Double.isNaN(a) : e == a || Tolerances.close(e, a, tol, tol);
                    if (!ok) fail(what + ": [" + r + "][" + c + "] expected " + e + ", got " + a);
                }
            }
            checkOutsideWindow(dst, at[0], extra[0], what);
            for (int i = 1; i < n; i++) {
                double[][] after = values(m[i]);
                for (int r = 0; r < after.length; r++) {
                    if (!Arrays.equals(v[i][r], after[r])) fail(what + ": operand " + i + " changed in row " + r);
                }
                checkOutsideWindow(m[i], at[i], extra[i], what + " operand " + i);
            }
        }
    }

    /** The columns of dst's wider matrix outside its window still hold SENTINEL. */
    private static void checkOutsideWindow(Mat window, int at, int extra, String what) {
        Mat parent = parentOf(window, at, extra);
        for (int r = 0; r < window.rows(); r++) {
            for (int c = 0; c < at; c++) assertEquals(SENTINEL, parent.get(r, c), what + ": column " + c + " left of the window");
            for (int c = at + window.cols(); c < at + window.cols() + extra; c++) {
                assertEquals(SENTINEL, parent.get(r, c), what + ": column " + c + " right of the window");
            }
        }
    }

    /** The full-width matrix a window at {@code at} was cut from, sharing its rows. */
    private static Mat parentOf(Mat window, int at, int extra) {
        int width = at + window.cols() + extra;
        if (window instanceof FloatMat) {
            FloatMat f = (FloatMat) window;
            float[][] rows = new float[f.rows()][];
            for (int r = 0; r < f.rows(); r++) rows[r] = f.row(r);
            return new FloatMat(rows, f.rows(), f.offset() - at, width);
        }
        DoubleMat d = (DoubleMat) window;
        double[][] rows = new double[d.rows()][];
        for (int r = 0; r < d.rows(); r++) rows[r] = d.row(r);
        return new DoubleMat(rows, d.rows(), d.offset() - at, width);
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    // ---- the tests ----

    @Test
    void everyOpOfMatHasACase() {
        Set<String> ops = new TreeSet<>();
        for (Method m : Mat.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !NOT_OPS.contains(signature(m))) ops.add(signature(m));
        }
        Set<String> missing = new TreeSet<>(ops);
        missing.removeAll(CASES.keySet());
        assertTrue(missing.isEmpty(), "ops of Mat without a case in MatContractTest: " + missing);
        Set<String> stale = new TreeSet<>(CASES.keySet());
        stale.removeAll(ops);
        stale.removeIf(s -> s.contains(" ")); // extra cases ("op, in place") are named after their op
        assertTrue(stale.isEmpty(), "cases for no op of Mat: " + stale);
        assertTrue(ops.size() > 60 && ops.contains("addMatMul(Mat,Mat)"), "Mat's ops found by reflection: " + ops);
    }

    @Test
    void everyOpMatchesTheNaiveReferenceInBothPrecisions() {
        long seed = 1;
        for (Case k : CASES.values()) {
            for (Trial t : k.fixed) run(k, t, seed++);
            SplittableRandom shapes = new SplittableRandom(k.signature.hashCode());
            for (int i = 0; i < RANDOM_TRIALS; i++) run(k, k.random.apply(shapes), seed++);
        }
    }

    /** The fixed product shapes lie on the sides of BlasProducts' thresholds that they are there for. */
    @Test
    void productShapesStraddleTheSgemmThresholds() {
        assertTrue(BlasProducts.forMatMul(16, 64, 128) && BlasProducts.forMatMul(64, 40, 52) && BlasProducts.forMatMul(200, 48, 40), "sgemm sizes");
        assertTrue(!BlasProducts.forMatMul(16, 64, 127) && !BlasProducts.forMatMul(15, 128, 128), "just below: the loops");
        assertTrue(BlasProducts.forTransAMatMul(128, 5, 19) && BlasProducts.forTransAMatMul(200, 48, 40), "a^T b over 128 rows or more: sgemm");
        assertTrue(!BlasProducts.forTransAMatMul(127, 5, 19) && !BlasProducts.forTransAMatMul(7, 5, 19), "over 127 rows: the loops");
    }

    /** Bad shapes are refused with an IllegalArgumentException, and log(max(0, 0) + tiny) is finite. */
    @Test
    void badShapesAreRefused() {
        for (Precision p : Precision.values()) {
            Mat dst = p.zeros(3, 5), a = p.zeros(3, 5), bias = p.zeros(1, 6);
            assertThrows(IllegalArgumentException.class, () -> dst.addDiagonalProduct(a, p.zeros(4, 4), 1));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(2, 3).zeroDiagonal());
            assertThrows(IllegalArgumentException.class, () -> p.zeros(4, 6).addDiagonalAffine(p.zeros(4, 6), p.zeros(1, 5), bias));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(4, 6).addDiagonalAffine(p.zeros(3, 6), p.zeros(1, 6), bias));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(3, 4).setBlockColumnNorms(p.zeros(3, 7), 0.01));
            assertThrows(IllegalArgumentException.class, () -> p.zeros(1, 4).setCircularConvolution(p.zeros(1, 4), p.zeros(1, 2)));
            Mat log = p.zeros(1, 3);
            log.setLogPositivePart(p.zeros(1, 3), 1e-16);
            assertTrue(log.isFinite(), p + ": log of the positive part of 0 is finite");
        }
    }

    // ---- the cases, by Mat's families ----

    private static Trial same(SplittableRandom rng, int operands) {
        int r = dim(rng), c = dim(rng);
        int[] rc = new int[2 * (operands + 1)];
        for (int i = 0; i <= operands; i++) {
            rc[2 * i] = r;
            rc[2 * i + 1] = c;
        }
        return new Trial(1, rc);
    }

    /** dst[r][c] = f(r, c) for every entry. */
    interface Entry {
        double at(int r, int c);
    }

    private static void each(double[][] dst, Entry f) {
        for (int r = 0; r < dst.length; r++) for (int c = 0; c < dst[r].length; c++) dst[r][c] = f.at(r, c);
    }

    private static void memory() {
        add("columns(int,int)", rng -> {
            int r = dim(rng), c = dim(rng), from = rng.nextInt(4);
            return new Trial(1, r, c, r, c + from + rng.nextInt(3));
        }, (dst, in) -> dst.set(in[0].columns((in[0].cols() - dst.cols() + 1) / 2, dst.cols())), (p, dst, in) -> {
            int from = (in[0][0].length - dst[0].length + 1) / 2;
            each(dst, (r, c) -> in[0][r][from + c]);
        });
        add("stackRows(Mat[])", rng -> {
            int c = dim(rng), r1 = dim(rng), r2 = dim(rng);
            return new Trial(1, r1 + r2 + r1, c, r1, c, r2, c, r1, c).sameWindows();
        }, (dst, in) -> dst.set(Mat.stackRows(in)), (p, dst, in) -> {
            int at = 0;
            for (double[][] block : in) for (double[] row : block) dst[at++] = row.clone();
        });
        add("zerosLike(int,int)", rng -> same(rng, 0), (dst, in) -> dst.set(dst.zerosLike(dst.rows(), dst.cols())), (p, dst, in) -> each(dst, (r, c) -> 0));
        add("copy()", rng -> same(rng, 1), (dst, in) -> {
            Mat c = in[0].copy();
            c.scale(2); // the copy is its own storage: the operand must not change
            dst.set(c);
        }, (p, dst, in) -> each(dst, (r, c) -> 2 * in[0][r][c]));
        add("get(int,int)", rng -> same(rng, 1), (dst, in) -> {
            for (int r = 0; r < dst.rows(); r++) for (int c = 0; c < dst.cols(); c++) dst.set(r, c, in[0].get(r, c) * 0.5);
        }, (p, dst, in) -> each(dst, (r, c) -> in[0][r][c] * 0.5));
        add("set(int,int,double)", rng -> same(rng, 0), (dst, in) -> {
            for (int r = 0; r < dst.rows(); r++) for (int c = 0; c < dst.cols(); c++) dst.set(r, c, 0.1 * r - 0.3 * c);
        }, (p, dst, in) -> each(dst, (r, c) -> p == Precision.FLOAT32 ? (float) (0.1 * r - 0.3 * c) : 0.1 * r - 0.3 * c));
        add("zero()", rng -> same(rng, 0), (dst, in) -> dst.zero(), (p, dst, in) -> each(dst, (r, c) -> 0));
        add("fill(double)", rng -> same(rng, 0), (dst, in) -> dst.fill(-0.25), (p, dst, in) -> each(dst, (r, c) -> -0.25));
        add("set(Mat)", rng -> same(rng, 1), (dst, in) -> dst.set(in[0]), (p, dst, in) -> each(dst, (r, c) -> in[0][r][c]));
        add("load(double[],int)", rng -> same(rng, 1), (dst, in) -> {
            double[] flat = new double[3 + in[0].rows() * in[0].cols() + 2];
            for (int r = 0; r < in[0].rows(); r++) for (int c = 0; c < in[0].cols(); c++) flat[3 + r * in[0].cols() + c] = in[0].get(r, c);
            dst.load(flat, 3);
        }, (p, dst, in) -> each(dst, (r, c) -> in[0][r][c]));
        add("load(float[],int)", rng -> same(rng, 1), (dst, in) -> {
            float[] flat = new float[3 + in[0].rows() * in[0].cols() + 2];
            for (int r = 0; r < in[0].rows(); r++) for (int c = 0; c < in[0].cols(); c++) flat[3 + r * in[0].cols() + c] = (float) in[0].get(r, c);
            dst.load(flat, 3);
        }, (p, dst, in) -> each(dst, (r, c) -> (float) in[0][r][c]));
        add("store(double[],int)", rng -> same(rng, 1), (dst, in) -> {
            double[] flat = new double[2 + in[0].rows() * in[0].cols() + 3];
            in[0].store(flat, 2);
            for (int r = 0; r < dst.rows(); r++) for (int c = 0; c < dst.cols(); c++) dst.set(r, c, flat[2 + r * dst.cols() + c]);
            assertEquals(0, flat[0] + flat[1] + flat[flat.length - 1], "store wrote outside its range");
        }, (p, dst, in) -> each(dst, (r, c) -> in[0][r][c]));
        add("store(float[],int)", rng -> same(rng, 1), (dst, in) -> {
            float[] flat = new float[2 + in[0].rows() * in[0].cols() + 3];
            in[0].store(flat, 2);
            for (int r = 0; r < dst.rows(); r++) for (int c = 0; c < dst.cols(); c++) dst.set(r, c, flat[2 + r * dst.cols() + c]);
            assertEquals(0, flat[0] + flat[1] + flat[flat.length - 1], "store wrote outside its range");
        }, (p, dst, in) -> each(dst, (r, c) -> (float) in[0][r][c]));
        add("setTranspose(Mat)", rng -> {
            int r = dim(rng), c = dim(rng);
            return new Trial(1, r, c, c, r);
        }, (dst, in) -> dst.setTranspose(in[0]), (p, dst, in) -> each(dst, (r, c) -> in[0][c][r]));
        add("zeroDiagonal()", rng -> {
            int n = dim(rng);
            return new Trial(1, n, n);
        }, (dst, in) -> dst.zeroDiagonal(), (p, dst, in) -> {
            for (int i = 0; i < dst.length; i++) dst[i][i] = 0;
        });
    }

    // products: (rows, k, cols) of a [rows x k] * [k x cols]; sgemm from 2^17 multiply-adds with every side >= 16
    private static final int[][] MATMUL_SHAPES = {
        {3, 5, 7}, {1, 9, 4}, {1, 1, 1}, {16, 128, 512}, {16, 64, 128}, {16, 64, 127}, {15, 128, 128}, {64, 40, 52}, {40, 33, 100},
        {200, 48, 40},
    };
    // a^T b: (m, rows, cols), a [m x rows], b [m x cols]; sgemm from m = 128 rows summed over
    private static final int[][] TRANS_SHAPES = {
        {7, 5, 19}, {127, 5, 19}, {128, 5, 19}, {300, 40, 40}, {16, 128, 72}, {1, 3, 1}, {3, 5, 7}, {16, 128, 512}, {1, 9, 4}, {200, 48, 40},
    };
    private static final double[] LEFT_ZEROS = {0, 0, 0.5, 0.9, 1};

    private static int[] matmulShape(SplittableRandom rng) {
        return rng.nextInt(3) == 0 ? MATMUL_SHAPES[rng.nextInt(MATMUL_SHAPES.length)] : new int[] {dim(rng), dim(rng), dim(rng)};
    }

    private static int[] transShape(SplittableRandom rng) {
        return rng.nextInt(3) == 0 ? TRANS_SHAPES[rng.nextInt(TRANS_SHAPES.length)] : new int[] {dim(rng) * (1 + rng.nextInt(4)), dim(rng), dim(rng)};
    }

    private static Fill leftFill(SplittableRandom rng) {
        return sparse(LEFT_ZEROS[rng.nextInt(LEFT_ZEROS.length)]);
    }

    private static Trial[] fixedProducts(int[][] shapes, boolean trans) {
        List<Trial> t = new ArrayList<>();
        for (int[] s : shapes) {
            for (double zeros : new double[] {0, 0.9, 1}) {
                Trial x = trans ? new Trial(s[0], s[1], s[2], s[0], s[1], s[0], s[2]) : new Trial(s[1], s[0], s[2], s[0], s[1], s[1], s[2]);
                t.add(x.fill(1, sparse(zeros)));
            }
        }
        return t.toArray(new Trial[0]);
    }

    /** dst += max(a, floor) b (floor -infinity for a itself) */
    private static void naiveMatMul(double[][] dst, double[][] a, double[][] b, double floor) {
        for (int i = 0; i < dst.length; i++) {
            for (int j = 0; j < dst[i].length; j++) {
                double s = 0;
                for (int p = 0; p < b.length; p++) s += Math.max(a[i][p], floor) * b[p][j];
                dst[i][j] += s;
            }
        }
    }

    /** dst += a^T max(b, floor) */
    private static void naiveTransMatMul(double[][] dst, double[][] a, double[][] b, double floor) {
        for (int p = 0; p < dst.length; p++) {
            for (int j = 0; j < dst[p].length; j++) {
                double s = 0;
                for (int i = 0; i < a.length; i++) s += a[i][p] * Math.max(b[i][j], floor);
                dst[p][j] += s;
            }
        }
    }

    private static void zero(double[][] dst) {
        each(dst, (r, c) -> 0);
    }

    private static void products() {
        Function<SplittableRandom, Trial> mm = rng -> {
            int[] s = matmulShape(rng);
            return new Trial(s[1], s[0], s[2], s[0], s[1], s[1], s[2]).fill(1, leftFill(rng));
        };
        Function<SplittableRandom, Trial> tm = rng -> {
            int[] s = transShape(rng);
            return new Trial(s[0], s[1], s[2], s[0], s[1], s[0], s[2]).fill(1, leftFill(rng));
        };
        double noFloor = Double.NEGATIVE_INFINITY;
        add("addMatMul(Mat,Mat)", mm, (dst, in) -> dst.addMatMul(in[0], in[1]),
                (p, dst, in) -> naiveMatMul(dst, in[0], in[1], noFloor), fixedProducts(MATMUL_SHAPES, false));
        add("setMatMul(Mat,Mat)", mm, (dst, in) -> dst.setMatMul(in[0], in[1]), (p, dst, in) -> {
            zero(dst);
            naiveMatMul(dst, in[0], in[1], noFloor);
        }, fixedProducts(MATMUL_SHAPES, false));
        add("setMatMulRelu(Mat,Mat)", mm, (dst, in) -> dst.setMatMulRelu(in[0], in[1]), (p, dst, in) -> {
            zero(dst);
            naiveMatMul(dst, in[0], in[1], 0);
        }, fixedProducts(MATMUL_SHAPES, false));
        add("setMatMulReluPlusMatMul(Mat,Mat,Mat,Mat)", rng -> {
            int[] s = matmulShape(rng);
            int kx = rng.nextInt(4) == 0 ? 1 + rng.nextInt(40) : 1 + rng.nextInt(3);
            return new Trial(s[1] + kx, s[0], s[2], s[0], s[1], s[1], s[2], s[0], kx, kx, s[2]).fill(1, leftFill(rng));
        }, (dst, in) -> dst.setMatMulReluPlusMatMul(in[0], in[1], in[2], in[3]), (p, dst, in) -> {
            zero(dst);
            naiveMatMul(dst, in[0], in[1], 0);
            naiveMatMul(dst, in[2], in[3], noFloor);
        }, new Trial(66, 64, 64, 64, 64, 64, 64, 64, 2, 2, 64), new Trial(66, 64, 64, 64, 64, 64, 64, 64, 2, 2, 64).fill(1, sparse(0.9)),
                new Trial(7, 5, 5, 5, 5, 5, 5, 5, 2, 2, 5));
        add("addTransAMatMul(Mat,Mat)", tm, (dst, in) -> dst.addTransAMatMul(in[0], in[1]),
                (p, dst, in) -> naiveTransMatMul(dst, in[0], in[1], noFloor), fixedProducts(TRANS_SHAPES, true));
        add("addTransAMatMulRelu(Mat,Mat)", tm, (dst, in) -> dst.addTransAMatMulRelu(in[0], in[1]),
                (p, dst, in) -> naiveTransMatMul(dst, in[0], in[1], 0), fixedProducts(TRANS_SHAPES, true));
        // two destinations: this = dst's first cols columns, other = the rest
        Function<SplittableRandom, Trial> along = rng -> {
            int[] s = transShape(rng);
            int kx = 1 + rng.nextInt(3);
            return new Trial(s[0], s[1], s[2] + kx, s[0], s[1], s[0], s[2], s[0], kx).fill(1, leftFill(rng));
        };
        add("addTransAMatMulReluAlongside(Mat,Mat,Mat,Mat)", along, (dst, in) -> {
            int n = in[1].cols();
            dst.columns(0, n).addTransAMatMulReluAlongside(in[0], in[1], dst.columns(n, dst.cols() - n), in[2]);
        }, (p, dst, in) -> {
            int n = in[1][0].length;
            double[][] w = new double[dst.length][n], c = new double[dst.length][dst[0].length - n];
            naiveTransMatMul(w, in[0], in[1], 0);
            naiveTransMatMul(c, in[0], in[2], noFloor);
            for (int r = 0; r < dst.length; r++) {
                for (int j = 0; j < dst[r].length; j++) dst[r][j] += j < n ? w[r][j] : c[r][j - n];
            }
        }, new Trial(300, 40, 42, 300, 40, 300, 40, 300, 2), new Trial(300, 40, 42, 300, 40, 300, 40, 300, 2).fill(1, sparse(0.9)),
                new Trial(300, 40, 42, 300, 40, 300, 40, 300, 2).fill(1, sparse(1)), new Trial(7, 40, 42, 7, 40, 7, 40, 7, 2));
        add("addDiagonalProduct(Mat,Mat,double)", rng -> {
            int r = dim(rng), n = dim(rng);
            return new Trial(1, r, n, r, n, n, n);
        }, (dst, in) -> dst.addDiagonalProduct(in[0], in[1], -0.5), (p, dst, in) -> {
            for (int r = 0; r < dst.length; r++) for (int j = 0; j < dst[r].length; j++) dst[r][j] += -0.5 * in[0][r][j] * in[1][j][j];
        });
    }

    private static Trial withRows(SplittableRandom rng, int... rowOperands) {
        int r = dim(rng), c = dim(rng);
        int[] rc = new int[2 * (rowOperands.length + 1)];
        rc[0] = r;
        rc[1] = c;
        for (int i = 0; i < rowOperands.length; i++) {
            rc[2 * i + 2] = rowOperands[i] == 1 ? 1 : r; // 1: a [1 x c] row, else a [r x c] operand
            rc[2 * i + 3] = c;
        }
        return new Trial(1, rc);
    }

    private static void broadcasts() {
        add("addRowBroadcast(Mat)", rng -> withRows(rng, 1), (dst, in) -> dst.addRowBroadcast(in[0]), (p, dst, in) -> {
            for (double[] row : dst) for (int j = 0; j < row.length; j++) row[j] += in[0][0][j];
        });
        add("addProductRowBroadcast(Mat,Mat)", rng -> withRows(rng, 0, 1), (dst, in) -> dst.addProductRowBroadcast(in[0], in[1]), (p, dst, in) -> {
            for (int r = 0; r < dst.length; r++) for (int j = 0; j < dst[r].length; j++) dst[r][j] += in[0][r][j] * in[1][0][j];
        });
        add("addDiagonalAffine(Mat,Mat,Mat)", rng -> withRows(rng, 0, 1, 1), (dst, in) -> dst.addDiagonalAffine(in[0], in[1], in[2]), (p, dst, in) -> {
            for (int r = 0; r < dst.length; r++) for (int j = 0; j < dst[r].length; j++) dst[r][j] += in[0][r][j] * in[1][0][j] + in[2][0][j];
        });
        add("setScaledPlusReluMasked(Mat,Mat,Mat,Mat)", rng -> withRows(rng, 0, 1, 0, 0).fill(4, sparse(0.2)),
                (dst, in) -> dst.setScaledPlusReluMasked(in[0], in[1], in[2], in[3]),
                (p, dst, in) -> each(dst, (r, j) -> in[0][r][j] * in[1][0][j] + (in[3][r][j] > 0 ? in[2][r][j] : 0)));
        add("multiplyColumnBroadcast(Mat)", rng -> {
            int r = dim(rng), c = dim(rng);
            return new Trial(1, r, c, r, 1);
        }, (dst, in) -> dst.multiplyColumnBroadcast(in[0]), (p, dst, in) -> {
            for (int r = 0; r < dst.length; r++) for (int j = 0; j < dst[r].length; j++) dst[r][j] *= in[0][r][0];
        });
    }

    /** An element-wise op: dst[r][c] = f(dst[r][c], a[r][c]) with a the one operand (or none). */
    interface Elementwise {
        double at(double d, double a);
    }

    private static void elementwise(String signature, Op op, Elementwise f, Fill dstFill, Fill aFill, boolean operand) {
        add(signature, rng -> {
            Trial t = same(rng, operand ? 1 : 0).fill(0, dstFill);
            return operand ? t.fill(1, aFill) : t;
        }, op, (p, dst, in) -> each(dst, (r, c) -> f.at(dst[r][c], operand ? in[0][r][c] : 0)));
    }

    private static void elementwise() {
        Fill u = uniform(-1, 1);
        elementwise("addScaled(Mat,double)", (dst, in) -> dst.addScaled(in[0], -1.5), (d, a) -> d - 1.5 * a, u, u, true);
        elementwise("scale(double)", (dst, in) -> dst.scale(0.375), (d, a) -> d * 0.375, u, u, false);
        elementwise("addScalar(double)", (dst, in) -> dst.addScalar(0.25), (d, a) -> d + 0.25, u, u, false);
        add("setProduct(Mat,Mat)", rng -> same(rng, 2), (dst, in) -> dst.setProduct(in[0], in[1]), (p, dst, in) -> each(dst, (r, c) -> in[0][r][c] * in[1][r][c]));
        add("addProduct(Mat,Mat)", rng -> same(rng, 2), (dst, in) -> dst.addProduct(in[0], in[1]),
                (p, dst, in) -> each(dst, (r, c) -> dst[r][c] + in[0][r][c] * in[1][r][c]));
        elementwise("multiply(Mat)", (dst, in) -> dst.multiply(in[0]), (d, a) -> d * a, u, u, true);
        Fill awayFromZero = (rng, p) -> (rng.nextBoolean() ? 1 : -1) * (0.5 + 1.5 * rng.nextDouble());
        elementwise("setReciprocal(Mat)", (dst, in) -> dst.setReciprocal(in[0]), (d, a) -> 1 / a, u, awayFromZero, true);
        Fill wide = uniform(-9, 9);
        elementwise("setTanh(Mat)", (dst, in) -> dst.setTanh(in[0]), (d, a) -> Math.tanh(a), u, wide, true);
        elementwise("setSigmoid(Mat)", (dst, in) -> dst.setSigmoid(in[0]), (d, a) -> 1 / (1 + Math.exp(-a)), u, wide, true);
        elementwise("setRelu(Mat)", (dst, in) -> dst.setRelu(in[0]), (d, a) -> Math.max(a, 0), u, sparse(0.2), true);
        elementwise("setSoftplus(Mat)", (dst, in) -> dst.setSoftplus(in[0]), (d, a) -> a > 30 ? a : Math.log1p(Math.exp(a)), u, uniform(-40, 40), true);
        elementwise("setLogPositivePart(Mat,double)", (dst, in) -> dst.setLogPositivePart(in[0], 1e-3), (d, a) -> Math.log(Math.max(a, 0) + 1e-3),
                u, sparse(0.2), true);
        elementwise("clip(double)", (dst, in) -> dst.clip(0.75), (d, a) -> Math.max(-0.75, Math.min(0.75, d)), uniform(-2, 2), u, false);
        elementwise("multiplyTanhDerivative(Mat)", (dst, in) -> dst.multiplyTanhDerivative(in[0]), (d, a) -> d * (1 - a * a), u, u, true);
        elementwise("multiplySigmoidDerivative(Mat)", (dst, in) -> dst.multiplySigmoidDerivative(in[0]), (d, a) -> d * a * (1 - a), u, uniform(0, 1), true);
        elementwise("multiplyReluDerivative(Mat)", (dst, in) -> dst.multiplyReluDerivative(in[0]), (d, a) -> a > 0 ? d : 0, u, sparse(0.2), true);
        Fill clipped = (rng, p) -> Math.max(-0.75, Math.min(0.75, rng.nextDouble() * 3 - 1.5));
        elementwise("multiplyClipDerivative(Mat,double)", (dst, in) -> dst.multiplyClipDerivative(in[0], 0.75), (d, a) -> Math.abs(a) < 0.75 ? d : 0,
                u, clipped, true);
        elementwise("multiplyLogPositivePartDerivative(Mat,double)", (dst, in) -> dst.multiplyLogPositivePartDerivative(in[0], 1e-3),
                (d, a) -> a > 0 ? d / (a + 1e-3) : 0, u, sparse(0.2), true);
        // values spread over the decades around each precision's threshold, of both signs
        Fill nearThreshold = (rng, p) -> (rng.nextBoolean() ? 1 : -1) * (p == Precision.FLOAT32 ? 1e-30 : 1e-290) * Math.pow(10, rng.nextDouble() * 6 - 3);
        add("flushDenormals()", rng -> same(rng, 0).fill(0, nearThreshold), (dst, in) -> dst.flushDenormals(),
                (p, dst, in) -> each(dst, (r, c) -> Math.abs(dst[r][c]) < (p == Precision.FLOAT32 ? (double) 1e-30f : 1e-290) ? 0 : dst[r][c]));
        add("flushThreshold()", rng -> same(rng, 0), (dst, in) -> dst.fill(dst.flushThreshold()),
                (p, dst, in) -> each(dst, (r, c) -> p == Precision.FLOAT32 ? (double) 1e-30f : 1e-290));
    }

    private static void reductions() {
        add("addColumnSums(Mat)", rng -> {
            int m = dim(rng) * (1 + rng.nextInt(8)), c = dim(rng);
            return new Trial(m, 1, c, m, c);
        }, (dst, in) -> dst.addColumnSums(in[0]), (p, dst, in) -> {
            for (double[] row : in[0]) for (int j = 0; j < row.length; j++) dst[0][j] += row[j];
        });
        add("addColumnSumsOfProduct(Mat,Mat)", rng -> {
            int m = dim(rng) * (1 + rng.nextInt(8)), c = dim(rng);
            return new Trial(m, 1, c, m, c, m, c);
        }, (dst, in) -> dst.addColumnSumsOfProduct(in[0], in[1]), (p, dst, in) -> {
            for (int r = 0; r < in[0].length; r++) for (int j = 0; j < dst[0].length; j++) dst[0][j] += in[0][r][j] * in[1][r][j];
        });
        add("setRowDots(Mat,Mat)", rng -> {
            int r = dim(rng), c = dim(rng);
            return new Trial(c, r, 1, r, c, r, c);
        }, (dst, in) -> dst.setRowDots(in[0], in[1]), (p, dst, in) -> {
            for (int r = 0; r < dst.length; r++) {
                double s = 0;
                for (int j = 0; j < in[0][r].length; j++) s += in[0][r][j] * in[1][r][j];
                dst[r][0] = s;
            }
        });
        Naive softmax = (p, dst, in) -> {
            double[][] a = in.length > 0 ? in[0] : copy(dst);
            for (int r = 0; r < dst.length; r++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (double v : a[r]) max = Math.max(max, v);
                for (double v : a[r]) sum += Math.exp(v - max);
                for (int j = 0; j < dst[r].length; j++) dst[r][j] = Math.exp(a[r][j] - max) / sum;
            }
        };
        add("setRowSoftmax(Mat)", rng -> same(rng, 1).fill(1, uniform(-4, 4)), (dst, in) -> dst.setRowSoftmax(in[0]), softmax);
        add("setRowSoftmax(Mat), in place", rng -> same(rng, 0).fill(0, uniform(-4, 4)), (dst, in) -> dst.setRowSoftmax(dst), softmax);
        Naive softmaxBackward = (p, dst, in) -> {
            double[][] y = in[0], dy = in.length > 1 ? in[1] : copy(dst);
            for (int r = 0; r < dst.length; r++) {
                double dot = 0;
                for (int j = 0; j < y[r].length; j++) dot += dy[r][j] * y[r][j];
                for (int j = 0; j < y[r].length; j++) dst[r][j] = y[r][j] * (dy[r][j] - dot);
            }
        };
        add("setRowSoftmaxBackward(Mat,Mat)", rng -> same(rng, 2).fill(1, uniform(0, 1)), (dst, in) -> dst.setRowSoftmaxBackward(in[0], in[1]), softmaxBackward);
        add("setRowSoftmaxBackward(Mat,Mat), in place", rng -> same(rng, 1).fill(1, uniform(0, 1)),
                (dst, in) -> dst.setRowSoftmaxBackward(in[0], dst), softmaxBackward);
        add("sumOfSquares()", rng -> {
            Trial t = same(rng, 1);
            return new Trial(t.dims[1][0] * t.dims[1][1], 1, 1, t.dims[1][0], t.dims[1][1]);
        }, (dst, in) -> dst.fill(in[0].sumOfSquares()), (p, dst, in) -> {
            double s = 0;
            for (double[] row : in[0]) for (double v : row) s += v * v;
            dst[0][0] = s;
        });
        Fill sometimesNotFinite = (rng, p) -> {
            double x = rng.nextDouble();
            return x < 0.01 ? Double.NaN : x < 0.02 ? Double.NEGATIVE_INFINITY : x < 0.03 ? Double.POSITIVE_INFINITY : x;
        };
        add("isFinite()", rng -> {
            Trial t = same(rng, 1);
            return new Trial(1, 1, 1, t.dims[1][0], t.dims[1][1]).fill(1, sometimesNotFinite);
        }, (dst, in) -> dst.fill(in[0].isFinite() ? 1 : 0), (p, dst, in) -> {
            boolean finite = true;
            for (double[] row : in[0]) for (double v : row) finite &= Double.isFinite(v);
            dst[0][0] = finite ? 1 : 0;
        });
    }

    /** A block trial: rows r, blocks p x q, from the NTM's shapes (p = M, q = N) or random ones. */
    private static int[] blockShape(SplittableRandom rng) {
        int[][] fixed = {{3, 5}, {6, 37}, {5, 19}, {20, 128}, {1, 1}, {4, 1}, {1, 7}};
        int[] pq = rng.nextInt(2) == 0 ? fixed[rng.nextInt(fixed.length)] : new int[] {1 + rng.nextInt(9), dim(rng)};
        return new int[] {dim(rng) % 7 + 1, pq[0], pq[1]};
    }

    private static void blockOps() {
        add("setBlockColumnNorms(Mat,double)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(s[1], s[0], s[2], s[0], s[1] * s[2]);
        }, (dst, in) -> dst.setBlockColumnNorms(in[0], 0.01), (p, dst, in) -> {
            int q = dst[0].length, pp = in[0][0].length / q;
            for (int b = 0; b < dst.length; b++) {
                for (int i = 0; i < q; i++) {
                    double s = 0.01 * 0.01;
                    for (int j = 0; j < pp; j++) s += in[0][b][j * q + i] * in[0][b][j * q + i];
                    dst[b][i] = Math.sqrt(s);
                }
            }
        });
        add("addBlockVecMat(Mat,Mat)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(s[1], s[0], s[2], s[0], s[1] * s[2], s[0], s[1]).fill(2, sparse(0.2));
        }, (dst, in) -> dst.addBlockVecMat(in[0], in[1]), (p, dst, in) -> {
            int q = dst[0].length, pp = in[1][0].length;
            for (int b = 0; b < dst.length; b++) {
                for (int i = 0; i < q; i++) {
                    double s = 0;
                    for (int j = 0; j < pp; j++) s += in[1][b][j] * in[0][b][j * q + i];
                    dst[b][i] += s;
                }
            }
        });
        add("addBlockMatVec(Mat,Mat)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(s[2], s[0], s[1], s[0], s[1] * s[2], s[0], s[2]).fill(2, sparse(0.2));
        }, (dst, in) -> dst.addBlockMatVec(in[0], in[1]), (p, dst, in) -> {
            int pp = dst[0].length, q = in[1][0].length;
            for (int b = 0; b < dst.length; b++) {
                for (int j = 0; j < pp; j++) {
                    double s = 0;
                    for (int i = 0; i < q; i++) s += in[0][b][j * q + i] * in[1][b][i];
                    dst[b][j] += s;
                }
            }
        });
        add("addBlockOuter(Mat,Mat)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(1, s[0], s[1] * s[2], s[0], s[1], s[0], s[2]).fill(1, sparse(0.2));
        }, (dst, in) -> dst.addBlockOuter(in[0], in[1]), (p, dst, in) -> {
            int q = in[1][0].length;
            for (int b = 0; b < dst.length; b++) for (int k = 0; k < dst[b].length; k++) dst[b][k] += in[0][b][k / q] * in[1][b][k % q];
        });
        Naive erase = (p, dst, in) -> {
            double[][] x = in.length == 3 ? in[0] : copy(dst), v = in[in.length - 2], u = in[in.length - 1];
            int q = u[0].length;
            for (int b = 0; b < dst.length; b++) for (int k = 0; k < dst[b].length; k++) dst[b][k] = x[b][k] * (1 - v[b][k / q] * u[b][k % q]);
        };
        add("setProductOneMinusBlockOuter(Mat,Mat,Mat)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(1, s[0], s[1] * s[2], s[0], s[1] * s[2], s[0], s[1], s[0], s[2]).fill(2, sparse(0.3));
        }, (dst, in) -> dst.setProductOneMinusBlockOuter(in[0], in[1], in[2]), erase);
        add("setProductOneMinusBlockOuter(Mat,Mat,Mat), in place", rng -> {
            int[] s = blockShape(rng);
            return new Trial(1, s[0], s[1] * s[2], s[0], s[1], s[0], s[2]).fill(1, sparse(0.3));
        }, (dst, in) -> dst.setProductOneMinusBlockOuter(dst, in[0], in[1]), erase);
        add("addBlockColumnScaled(Mat,Mat)", rng -> {
            int[] s = blockShape(rng);
            return new Trial(1, s[0], s[1] * s[2], s[0], s[2], s[0], s[1] * s[2]).fill(1, sparse(0.2));
        }, (dst, in) -> dst.addBlockColumnScaled(in[0], in[1]), (p, dst, in) -> {
            int q = in[0][0].length;
            for (int b = 0; b < dst.length; b++) for (int k = 0; k < dst[b].length; k++) dst[b][k] += in[0][b][k % q] * in[1][b][k];
        });
    }

    /** A shift trial: rows, signal length n, kernel radius R (up to past n, so shifts wrap more than once). */
    private static int[] shiftShape(SplittableRandom rng) {
        int n = 1 + rng.nextInt(rng.nextBoolean() ? 6 : 130);
        return new int[] {dim(rng) % 5 + 1, n, rng.nextInt(Math.min(n, 4) + 2)};
    }

    private static void shifts() {
        add("setCircularConvolution(Mat,Mat)", rng -> {
            int[] s = shiftShape(rng);
            return new Trial(2 * s[2] + 1, s[0], s[1], s[0], s[1], s[0], 2 * s[2] + 1);
        }, (dst, in) -> dst.setCircularConvolution(in[0], in[1]), (p, dst, in) -> {
            int n = dst[0].length, rad = in[1][0].length / 2;
            for (int b = 0; b < dst.length; b++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int k = -rad; k <= rad; k++) s += in[0][b][Math.floorMod(i - k, n)] * in[1][b][k + rad];
                    dst[b][i] = s;
                }
            }
        });
        add("addCircularConvolutionInputGradient(Mat,Mat)", rng -> {
            int[] s = shiftShape(rng);
            return new Trial(2 * s[2] + 1, s[0], s[1], s[0], s[1], s[0], 2 * s[2] + 1);
        }, (dst, in) -> dst.addCircularConvolutionInputGradient(in[0], in[1]), (p, dst, in) -> {
            int n = dst[0].length, rad = in[1][0].length / 2;
            for (int b = 0; b < dst.length; b++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = -rad; k <= rad; k++) s += in[0][b][Math.floorMod(j + k, n)] * in[1][b][k + rad];
                    dst[b][j] += s;
                }
            }
        });
        add("addCircularConvolutionKernelGradient(Mat,Mat)", rng -> {
            int[] s = shiftShape(rng);
            return new Trial(s[1], s[0], 2 * s[2] + 1, s[0], s[1], s[0], s[1]);
        }, (dst, in) -> dst.addCircularConvolutionKernelGradient(in[0], in[1]), (p, dst, in) -> {
            int n = in[0][0].length, rad = dst[0].length / 2;
            for (int b = 0; b < dst.length; b++) {
                for (int k = -rad; k <= rad; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += in[0][b][i] * in[1][b][Math.floorMod(i - k, n)];
                    dst[b][k + rad] += s;
                }
            }
        });
    }

    static { // last, after the constants the cases use
        memory();
        products();
        broadcasts();
        elementwise();
        reductions();
        blockOps();
        shifts();
    }
}
