package org.longlag.models.tensor;

/**
 * Whether {@link FloatMat}'s element-wise row loops run on the JDK's incubating Vector API
 * ({@link VectorRows}) or as plain loops ({@link ScalarRows}). The two give the same bits; only
 * the speed differs.
 *
 * <p>Why: C2 vectorizes a loop only in blocks of its vector width times its unroll (64 floats with
 * AVX-512), so a row of 40 or 64 values, a PLRNN state of M = 40-64, runs scalar: 0.7-1.0 ns per
 * value against 0.2 for the same pass over one long array (measured, batch 500). The Vector API
 * covers a row of 40 with three vectors, the last one overlapping the one before.
 *
 * <p>The API is an incubator module, which the JVM resolves only when asked:
 * {@code --add-modules jdk.incubator.vector} (the {@code longlag} command, the bench scripts and the
 * tests pass it). Without it, or with {@code -Dlonglag.simd=false}, the plain loops run. Decided
 * once, when this class loads, like a JIT flag; since the results are the same either way, it is
 * not part of a run's configuration, but a result names it ({@link #describe}).
 */
public final class Simd {

    /** Rows at least this long take the vector loops; {@link Integer#MAX_VALUE} when they are off. */
    static final int LANES = lanes();

    private Simd() {
    }

    /** Whether the vector loops are in use. */
    public static boolean enabled() {
        return LANES != Integer.MAX_VALUE;
    }

    /** What a result records: "vector, N float lanes", or why the plain loops run. */
    public static String describe() {
        if (enabled()) return "jdk.incubator.vector, " + LANES + " float lanes";
        if (switchedOff()) return "plain loops (-Dlonglag.simd=false)";
        return "plain loops (no --add-modules jdk.incubator.vector)";
    }

    private static boolean switchedOff() {
        return "false".equalsIgnoreCase(System.getProperty("longlag.simd"));
    }

    private static int lanes() {
        if (switchedOff() || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return Integer.MAX_VALUE;
        return VectorRows.LANES; // loads the Vector API only now that it is known to be there
    }
}
