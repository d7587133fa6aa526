package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;

/**
 * kill -9 in the middle of a suite, twice, then resume: every run of the grid is in the store
 * exactly once, every line is a complete record, and every record that was in the store when a
 * process was killed is still there, byte for byte, in the same place.
 */
class KillAndResumeTest {

    private static final String SUITE = String.join("\n",
            "name: kill",
            "seeds: [1, 2, 3, 4]",
            "lags: [10, 12, 14, 16, 18]",
            "training: {steps: 60, batch: 8, lr: 0.01}",
            "evaluation: {every: 0, validation-samples: 16, test-samples: 32}",
            "gradient-norms: {samples: 8, points: 6}",
            "models: [{kind: elman, options: {hidden: 8}}]",
            "tasks: [addition]",
            "");

    @TempDir
    Path tmp;

    @Test
    void killNineTwiceThenResume() throws Exception {
        Path suiteFile = tmp.resolve("kill.yaml");
        Files.writeString(suiteFile, SUITE);
        Path store = tmp.resolve("store");
        ExperimentRunner runner = ExperimentRunner.discover();
        List<SuiteRun> grid = new SuiteReader(runner).read(suiteFile, "quick").expand(runner);
        assertEquals(20, grid.size());

        byte[] afterFirst = killAfter(suiteFile, store, 3);
        byte[] afterSecond = killAfter(suiteFile, store, lines(afterFirst) + 3);
        assertTrue(startsWith(afterSecond, completePrefix(afterFirst)), "the records present at the first kill were kept");

        Process last = child(suiteFile, store);
        assertTrue(last.waitFor(180, TimeUnit.SECONDS), "the resumed suite finishes");
        String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, last.exitValue(), out);
        assertTrue(out.contains("done:"), out);

        byte[] fin = Files.readAllBytes(store.resolve(ResultsStore.FILE));
        assertTrue(startsWith(fin, completePrefix(afterSecond)), "the records present at the second kill were kept");
        assertEquals('\n', fin[fin.length - 1], "the store ends with a complete line");
        List<StoredRecord> records = ResultsStore.read(store);
        assertEquals(lines(fin), records.size(), "every line is a complete record: no torn records");
        Set<String> keys = records.stream().map(StoredRecord::key).collect(Collectors.toSet());
        assertEquals(records.size(), keys.size(), "no run recorded twice");
        assertEquals(grid.stream().map(SuiteRun::key).collect(Collectors.toSet()), keys, "every run of the grid recorded");
        assertTrue(records.stream().allMatch(StoredRecord::finished));
    }

    /** Starts the suite in a child JVM, waits for {@code records} records, kills it with SIGKILL, and returns the store's bytes. */
    private byte[] killAfter(Path suiteFile, Path store, int records) throws Exception {
        Process p = child(suiteFile, store);
        Path file = store.resolve(ResultsStore.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive() && (!Files.exists(file) || lines(Files.readAllBytes(file)) < records)) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the child was still running when killed (else this test proves nothing)");
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        byte[] b = Files.readAllBytes(file);
        assertTrue(lines(b) >= records && lines(b) < 20, "killed in the middle: " + lines(b) + " records");
        return b;
    }

    private static Process child(Path suiteFile, Path store) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, SuiteChild.class.getName(), suiteFile.toString(), store.toString(), "2");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static int lines(byte[] b) {
        int n = 0;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }

    private static byte[] completePrefix(byte[] b) {
        int end = b.length;
        while (end > 0 && b[end - 1] != '\n') end--;
        return Arrays.copyOf(b, end);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(Arrays.copyOf(b, prefix.length), prefix);
    }

}
