package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's float64-to-float32 translator (models/src/build/GenerateFloat32.java): what it makes
 * of each construct, that it refuses what it has no rule for, and that the FloatMatLoops this build
 * compiled is its output for the DoubleMat of this tree.
 */
class GenerateFloat32Test {

    private static final Path GENERATOR = Path.of("src/build/GenerateFloat32.java");
    private static Method translate;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), GENERATOR.toString()), "the generator compiles");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, GenerateFloat32Test.class.getClassLoader());
        translate = Class.forName("GenerateFloat32", true, loader).getDeclaredMethod("translate", String.class, String.class);
        translate.setAccessible(true);
    }

    private static String translate(String source) {
        try {
            return (String) translate.invoke(null, source, "DoubleMat.java");
        } catch (InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static final String HEAD = "package p;\npublic final class DoubleMat extends Mat {\n";

    /** The body {@code body} of the class, translated (header and class line checked, then cut off). */
    private static String body(String body) {
        String out = translate(HEAD + body + "}\n");
        String expectedHead = "/* Generated from DoubleMat.java by models/src/build/GenerateFloat32.java; do not edit (edit DoubleMat.java; "
                + "line n here is line n there). */ package p;\nabstract class FloatMatLoops extends Mat {\n";
        assertTrue(out.startsWith(expectedHead), out);
        return out.substring(expectedHead.length(), out.length() - 2);
    }

    private static void refused(String body, String reason) {
        try {
            fail("translated: " + translate(HEAD + body + "}\n"));
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains(reason), "refused, but for: " + e.getMessage());
        }
    }

    @Test
    void translatesTypesLiteralsMarkersAndMathCalls() {
        assertEquals("    float[] x = new float[3]; double[] y; \n", body("    double[] x = new double[3]; float[] y; // a comment\n"));
        assertEquals("    float a = 0.5f * 2 + 1e-3f + 3f;\n", body("    double a = 0.5 * 2 + 1e-3 + 3d;\n"));
        assertEquals("    double get(double v) { return (float) v; }\n", body("    /*f64*/ double get(/*f64*/ double v) { return (double) v; }\n"));
        assertEquals("    static final float F = ScalarRows.FLUSH;\n", body("    static final double F = /*float32: ScalarRows.FLUSH*/ 1e-290;\n"));
        assertEquals("    float e = (float) Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0.0f);\n",
                body("    double e = Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0.0);\n"));
        assertEquals("    float m = Float.NEGATIVE_INFINITY; Precision p = Precision.FLOAT32;\n",
                body("    double m = Double.NEGATIVE_INFINITY; Precision p = Precision.FLOAT64;\n"));
        assertEquals("    FloatMatLoops(float[][] d) { } FloatMat f(FloatMat m) { return new FloatMat(null); }\n",
                body("    DoubleMat(double[][] d) { } DoubleMat f(DoubleMat m) { return new DoubleMat(null); }\n"));
        assertEquals("    \n\n    int k;\n", body("    /** two\n     * lines */\n    int k;\n"), "a comment's line breaks are kept");
    }

    @Test
    void refusesWhatItCannotTranslate() {
        refused("    double x = 1.5f;\n", "a float literal");
        refused("    double x = 1e300;\n", "infinite in float32");
        refused("    double x = 1e-300;\n", "zero in float32");
        refused("    double x = Double.MIN_NORMAL;\n", "Double.MIN_NORMAL is not translated");
        refused("    java.nio.DoubleBuffer b;\n", "'DoubleBuffer' is not translated");
        refused("    double x = y.doubleValue();\n", "'doubleValue' is not translated");
        refused("    double x = Math.random();\n", "Math.random is not translated");
        refused("    String s = \"float64 only\";\n", "a string naming a precision");
        refused("    /*f64*/ int x;\n", "the f64 marker must stand before 'double'");
        refused("    FloatMat m;\n", "'FloatMat' is not translated");
        refused("    double x = StrictMath.exp(1);\n", "'StrictMath' is not translated");
        try {
            translate("package p;\nfinal class DoubleMat extends Mat {\n}\n");
            fail("a class declared otherwise was translated");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("expected one declaration"), e.getMessage());
        }
    }

    /** The FloatMatLoops this build compiled is the translation of this tree's DoubleMat, and the translation is deterministic. */
    @Test
    void theBuildsFloatMatLoopsIsTheTranslationOfDoubleMat() throws Exception {
        String reference = Files.readString(Path.of("src/main/java/org/longlag/models/tensor/DoubleMat.java"), StandardCharsets.UTF_8);
        String generated = Files.readString(Path.of("target/generated-sources/float32/org/longlag/models/tensor/FloatMatLoops.java"), StandardCharsets.UTF_8);
        assertEquals(generated, translate.invoke(null, reference, "DoubleMat.java"));
        assertEquals(generated, translate.invoke(null, reference, "DoubleMat.java"));
        assertEquals(reference.split("\n", -1).length, generated.split("\n", -1).length, "line n of the output is line n of the reference");
    }
}
