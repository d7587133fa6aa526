package org.longlag.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Locale;
import org.bytedeco.openblas.global.openblas;
import org.longlag.models.tensor.BlasLibrary;

/**
 * One OpenBLAS sgemm, timed alone, on the shapes of a PLRNN training step: which OpenBLAS is loaded
 * (LONGLAG_BLAS, scripts/blas-options) decides much of the step's speed where the step is mostly
 * sgemm. Row-major, one thread, best of five rounds of about 3 GFLOP each.
 *
 * <p>Run: {@code bench/run SgemmThroughput} and {@code LONGLAG_BLAS=bundled bench/run SgemmThroughput};
 * shapes as m x k x n, a trailing t for a^T b: {@code --shapes 32x256x256,40x500x40t}. The same
 * shapes in PyTorch: {@code bench/python/sgemm_torch.py}.
 */
public final class SgemmThroughput {

    private static final String DEFAULT_SHAPES = "32x128x128,32x256x256,500x40x40,500x64x64,500x256x256,40x500x40t,64x500x64t,256x32x256t,40x4500x40t,256x3200x256t";

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.parse(args);
        String shapes = a.getString("shapes", DEFAULT_SHAPES);
        a.requireAllUsed();
        System.out.printf(Locale.ROOT, "sgemm alone, OMP_NUM_THREADS=%s, OpenBLAS %s%n", System.getenv("OMP_NUM_THREADS"), BlasLibrary.path());
        for (String shape : shapes.split(",")) {
            boolean transA = shape.endsWith("t");
            String[] d = (transA ? shape.substring(0, shape.length() - 1) : shape).split("x");
            int m = Integer.parseInt(d[0]), k = Integer.parseInt(d[1]), n = Integer.parseInt(d[2]);
            double us = microseconds(m, k, n, transA);
            System.out.printf(Locale.ROOT, "sgemm %s: %.1f us, %.1f GFLOP/s%n", shape, us, 2.0 * m * k * n / us / 1e3);
        }
    }

    /** Best of five rounds: c[m x n] += op(a) b, op(a) = a^T ([k x m] stored) if transA. */
    static double microseconds(int m, int k, int n, boolean transA) {
        FloatBuffer pa = filled(m * k), pb = filled(k * n), pc = filled(m * n);
        int reps = (int) Math.max(20, 3e9 / (2.0 * m * k * n));
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) { // the first round warms up
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans, openblas.CblasNoTrans,
                        m, n, k, 1f, pa, transA ? m : k, pb, n, 1f, pc, n);
            }
            double us = (System.nanoTime() - t0) / 1e3 / reps;
            if (round > 0) best = Math.min(best, us);
        }
        return best;
    }

    private static FloatBuffer filled(int n) {
        FloatBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < n; i++) b.put(i, (float) Math.sin(0.37 * i) * 0.1f);
        return b;
    }
}
