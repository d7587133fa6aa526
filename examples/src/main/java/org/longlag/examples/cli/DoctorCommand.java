package org.longlag.examples.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Loader;
import org.longlag.models.tensor.BlasLibrary;
import org.longlag.models.tensor.Simd;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code longlag doctor}: what this machine runs longlag on, and whether anything is in the way:
 * Java and its heap, the vector loops, the OpenBLAS, ND4J's natives and threads, the JavaCPP cache
 * and the working directory. One line per check; exit 0 when all pass, 1 when one fails.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the setup: Java and its heap (LONGLAG_JAVA_OPTS), the vector loops (SIMD), the OpenBLAS in use "
                + "(LONGLAG_BLAS), ND4J's natives and OMP_NUM_THREADS, whether the JavaCPP cache and the working directory are writable.",
                "Exit code 0 when every check passes, 1 when one fails (each failing line says what to do)."})
final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One check's outcome. */
    private record Check(String name, boolean ok, String detail) {
    }

    private interface Probe {
        String run() throws Exception;
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("java", () -> System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "), " + Runtime.getRuntime().availableProcessors() + " cores"));
        checks.add(check("heap", () -> {
            String opts = System.getenv("LONGLAG_JAVA_OPTS");
            long max = Runtime.getRuntime().maxMemory();
            String s = "at most " + Longlag.heap() + (opts == null ? "" : " (LONGLAG_JAVA_OPTS=" + opts + ")");
            if (max < 512L << 20) throw new IllegalStateException(s + ": too small for most runs; give Java more (LONGLAG_JAVA_OPTS=-Xmx6g)");
            return s;
        }));
        checks.add(check("simd", () -> {
            String s = Simd.describe();
            if (!Simd.enabled() && !"false".equalsIgnoreCase(System.getProperty("longlag.simd"))) {
                throw new IllegalStateException(s + ": same results, slower; the JVM needs --add-modules jdk.incubator.vector (./longlag passes it)");
            }
            return s;
        }));
        checks.add(check("blas", () -> BlasLibrary.path() + describeEnv("LONGLAG_BLAS")));
        checks.add(check("nd4j", () -> {
            INDArray a = Nd4j.createFromArray(new float[] {1, 2, 3, 4}).reshape(2, 2);
            double v = a.mmul(a).sumNumber().doubleValue();
            if (v != 54) throw new IllegalStateException("a 2 x 2 product gives " + v + ", not 54");
            return Nd4j.getBackend().getClass().getSimpleName() + ", natives loaded, a 2 x 2 product is right";
        }));
        checks.add(check("threads", () -> {
            String omp = System.getenv("OMP_NUM_THREADS");
            if (!"1".equals(omp)) {
                throw new IllegalStateException("OMP_NUM_THREADS=" + omp + ": longlag parallelizes in Java and wants ND4J on one native thread "
                        + "(./longlag and mvn test set OMP_NUM_THREADS=1)");
            }
            return "OMP_NUM_THREADS=1 (ND4J on one native thread; longlag's own threads do the parallel work)";
        }));
        checks.add(check("javacpp cache", () -> {
            File dir = Loader.getCacheDir();
            return writable(dir.toPath()) + " (natives are unpacked there on first use)";
        }));
        checks.add(check("working directory", () -> {
            Path here = Path.of("").toAbsolutePath();
            String s = writable(here);
            long free = Files.getFileStore(here).getUsableSpace();
            if (free < 100L << 20) throw new IllegalStateException(s + ", but only " + (free >> 20) + " MB free: runs write their results here (runs/)");
            return s + String.format(Locale.ROOT, ", %.1f GB free", free / (double) (1L << 30));
        }));
        PrintWriter o = spec.commandLine().getOut();
        int failed = 0;
        for (Check c : checks) {
            o.printf(Locale.ROOT, "%-18s %-4s %s%n", c.name(), c.ok() ? "ok" : "FAIL", c.detail());
            if (!c.ok()) failed++;
        }
        o.println(failed == 0 ? "everything longlag needs is in place" : failed + " check(s) failed; each says what to do");
        o.flush();
        return failed == 0 ? Longlag.OK : Longlag.FAILED;
    }

    private static Check check(String name, Probe probe) {
        try {
            return new Check(name, true, probe.run());
        } catch (Exception | LinkageError e) { // a missing native library is a LinkageError
            return new Check(name, false, Longlag.describe(e));
        }
    }

    private static String describeEnv(String name) {
        String v = System.getenv(name);
        return v == null ? "" : " (" + name + "=" + v + ")";
    }

    /** "DIR, writable", after creating and removing a file there; an exception naming the directory otherwise. */
    private static String writable(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".longlag-doctor", ".tmp");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(dir + " is not writable (" + Longlag.describe(e) + ")");
        }
        Files.delete(probe);
        return dir + ", writable";
    }
}
