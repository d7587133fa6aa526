package org.longlag.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.longlag.models.tensor.FloatMat;
import org.longlag.models.tensor.Simd;

/**
 * FloatMat's element-wise passes over a [rows x M] matrix, in nanoseconds per value, on the Vector
 * API loops (this JVM, started with {@code --add-modules jdk.incubator.vector}) and on the plain
 * loops (a child JVM with {@code -Dlonglag.simd=false}), rounds taking turns; the medians side by side.
 *
 * <p>Run: {@code bench/run RowLoopsThroughput [--rows 500] [--width 40] [--rounds 5]}. The passes
 * are the PLRNN step's: the denormal flush, the ReLU-masked backward (dz .* a + dPhi .* [z > 0]),
 * the diagonal affine (z += z_{t-1} .* a + h), the column sums of a product (dA), the zero count
 * that picks sgemm or the loops (a product whose left operand is all zero costs only the count and
 * the zeroing of the result), and the row-wise loops of a mostly-zero a^T relu(b).
 */
public final class RowLoopsThroughput {

    private static final String[] PASSES = {"flush", "relu-masked backward", "diagonal affine", "column sums of product",
        "zero count (+ zeroing)", "sparse a^T relu(b)"};

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        int rows = a.getInt("rows", 500), width = a.getInt("width", 40), rounds = a.getInt("rounds", 5);
        boolean child = a.getString("child", "false").equals("true");
        a.requireAllUsed();
        if (child) {
            print(measure(rows, width));
            return;
        }
        if (!Simd.enabled()) throw new IllegalStateException("start with --add-modules jdk.incubator.vector (bench/run does): " + Simd.describe());
        List<double[]> vector = new ArrayList<>(), plain = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            vector.add(measure(rows, width));
            plain.add(inChild(rows, width));
        }
        System.out.printf(Locale.ROOT, "rows %d x %d, float32, median of %d rounds, ns per value; vector: %s%n", rows, width, rounds, Simd.describe());
        for (int i = 0; i < PASSES.length; i++) {
            double v = median(vector, i), p = median(plain, i);
            System.out.printf(Locale.ROOT, "%-24s vector %.3f  plain %.3f  plain/vector %.2f%n", PASSES[i], v, p, p / v);
        }
    }

    /** Nanoseconds per value of each pass, best of three timings of about 50 ms each after a warm-up. */
    static double[] measure(int rows, int width) {
        SplittableRandom rng = new SplittableRandom(1);
        FloatMat z = random(rows, width, rng, 0.5), dz = random(rows, width, rng, 0), dPhi = random(rows, width, rng, 0);
        FloatMat out = random(rows, width, rng, 0), scale = random(1, width, rng, 0), bias = random(1, width, rng, 0);
        FloatMat sums = random(1, width, rng, 0), zeros = new FloatMat(rows, width), w = random(width, width, rng, 0);
        FloatMat sparse = random(rows, width, rng, 0), gw = random(width, width, rng, 0);
        for (int i = 0; i < rows; i++) for (int j = 0; j < width; j++) if ((i + j) % 10 != 0) sparse.set(i, j, 0);
        List<Runnable> passes = List.of(
            out::flushDenormals,
            () -> out.setScaledPlusReluMasked(dz, scale, dPhi, z),
            () -> out.addDiagonalAffine(z, scale, bias),
            () -> sums.addColumnSumsOfProduct(dz, z),
            () -> out.setMatMul(zeros, w),
            () -> gw.addTransAMatMulRelu(sparse, z));
        double[] ns = new double[passes.size()];
        for (int p = 0; p < ns.length; p++) {
            Runnable pass = passes.get(p);
            int reps = 1;
            for (long t = 0; t < 20_000_000L; reps *= 2) t = time(pass, reps); // warm-up, and reps for >= 20 ms
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) best = Math.min(best, (double) time(pass, reps) / reps);
            ns[p] = best / ((double) rows * width);
        }
        return ns;
    }

    private static long time(Runnable pass, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) pass.run();
        return System.nanoTime() - t0;
    }

    /** Values of N(0, 1), a fraction of them tiny (1e-35: denormal-flush work). */
    private static FloatMat random(int rows, int cols, SplittableRandom rng, double tiny) {
        FloatMat m = new FloatMat(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) m.set(i, j, rng.nextGaussian() * (rng.nextDouble() < tiny ? 1e-35 : 1));
        }
        return m;
    }

    /** The same measurement in a JVM with this one's options, plus -Dlonglag.simd=false. */
    private static double[] inChild(int rows, int width) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-Dlonglag.simd=false");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RowLoopsThroughput.class.getName(),
                "--rows", Integer.toString(rows), "--width", Integer.toString(width), "--child", "true"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IllegalStateException("the plain-loops child failed: " + out);
        String[] f = out.split(" ");
        double[] ns = new double[f.length];
        for (int i = 0; i < f.length; i++) ns[i] = Double.parseDouble(f[i]);
        return ns;
    }

    private static void print(double[] ns) {
        StringBuilder b = new StringBuilder();
        for (double v : ns) b.append(b.length() == 0 ? "" : " ").append(v);
        System.out.println(b);
    }

    private static double median(List<double[]> rounds, int i) {
        double[] v = rounds.stream().mapToDouble(r -> r[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private RowLoopsThroughput() {
    }
}
