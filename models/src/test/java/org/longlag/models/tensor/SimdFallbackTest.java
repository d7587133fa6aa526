package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM without {@code --add-modules jdk.incubator.vector} runs FloatMat's plain loops, and they give
 * the same bits as the vector loops this JVM runs: the same float32 ops on the same seeded operands,
 * here and in a child process, hashed.
 */
class SimdFallbackTest {

    @Test
    void withoutTheModuleThePlainLoopsRunAndGiveTheSameBits() throws Exception {
        assertTrue(Simd.enabled(), Simd.describe());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, Probe.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assertEquals("plain loops (no --add-modules jdk.incubator.vector)\n" + Probe.hash(), out);
    }

    /** Prints how the loops run and a hash of the results' bits. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(Simd.describe());
            System.out.println(hash());
        }

        /** Every vectorized FloatMat op, on rows of 40 (three vectors, the last overlapping) from seed 1. */
        static long hash() {
            SplittableRandom rng = new SplittableRandom(1);
            int rows = 300, m = 40;
            FloatMat a = random(rows, m, rng), b = random(rows, m, rng), x = random(rows, m, rng), c = random(rows, m, rng);
            FloatMat v = random(1, m, rng), h = random(1, m, rng), w = random(m, m, rng), sums = random(1, m, rng);
            c.setScaledPlusReluMasked(a, v, b, x);
            c.addDiagonalAffine(a, v, h);
            c.flushDenormals();
            sums.addColumnSums(c);
            sums.addColumnSumsOfProduct(a, c);
            FloatMat small = random(3, m, rng), product = new FloatMat(3, m);
            product.addMatMul(small.columns(0, m), w); // Java loops: below sgemm's size
            FloatMat sparse = random(rows, 3, rng), gw = random(3, m, rng);
            for (int i = 0; i < rows; i++) for (int j = 0; j < 3; j++) if (i % 7 != 0) sparse.set(i, j, 0);
            gw.addTransAMatMulRelu(sparse, c); // many rows, mostly zero: the row-wise loops
            long hash = 17;
            for (FloatMat r : new FloatMat[] {c, sums, product, gw}) {
                for (int i = 0; i < r.rows(); i++) {
                    for (int j = 0; j < r.cols(); j++) hash = hash * 31 + Float.floatToIntBits((float) r.get(i, j));
                }
            }
            return hash;
        }

        private static FloatMat random(int rows, int cols, SplittableRandom rng) {
            FloatMat r = new FloatMat(rows, cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) r.set(i, j, rng.nextInt(9) == 0 ? rng.nextDouble() * 1e-35 : rng.nextGaussian());
            }
            return r;
        }
    }
}
