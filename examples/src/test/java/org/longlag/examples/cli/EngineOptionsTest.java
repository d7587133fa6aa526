package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine}: a suite on Spark from the command line, and bad engine input refused in one line with the store left as it was. */
class EngineOptionsTest {

    @TempDir
    Path dir;

    private static final String SUITE = String.join("\n", "seeds: [1, 2]", "lags: [5, 7]", "training: {steps: 10, batch: 8}",
            "evaluation: {every: 0, validation-samples: 16, test-samples: 32}", "gradient-norms: {samples: 4, points: 3}",
            "models: [{kind: elman, options: {hidden: 4}}]", "tasks: [addition]", "");

    /** Every file under {@code d} with its bytes' hash and modification time: what "nothing written" compares. */
    private static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                m.put(d.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    @Test
    void aSuiteOnSparkLocalThenBadEngineInputLeavesTheStoreAlone() throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, SUITE);
        Path out = dir.resolve("out");
        Cli r = Cli.run("suite", f.toString(), "--out", out.toString(), "--engine", "spark", "--master", "local[2]");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("on Spark ") && r.out.contains("local[2]") && r.out.contains("4 run(s) trained (4 ok"), r.out);

        Path more = dir.resolve("more.yaml");
        Files.writeString(more, SUITE.replace("lags: [5, 7]", "lags: [5, 7, 9]"));
        Map<String, String> before = snapshot(out);
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        String[][] cases = {
                {"--engine", "spark", "--master", "spark://127.0.0.1:" + free, "cannot reach the Spark master at spark://127.0.0.1:" + free},
                {"--engine", "spark", "--master", "spark:/127.0.0.1:7077", "malformed master URL 'spark:/127.0.0.1:7077'"},
                {"--engine", "spark", "--master", "local[0]", "malformed master URL 'local[0]'"},
                {"--engine", "spark", "--master", "spark://127.0.0.1:99999", "port 99999 is not in 1..65535"},
                {"--engine", "flink", "--master", "local[2]", "--engine must be local or spark, got 'flink'"},
                {"--master", "local[2]", "--master is for --engine spark"}};
        for (String[] c : cases) {
            String[] args = new String[4 + c.length - 1];
            args[0] = "suite";
            args[1] = more.toString();
            args[2] = "--out";
            args[3] = out.toString();
            System.arraycopy(c, 0, args, 4, c.length - 1);
            Cli bad = Cli.run(args);
            assertEquals(2, bad.exitCode, bad.toString());
            assertTrue(bad.err.contains(c[c.length - 1]), bad.toString());
            assertEquals(1, bad.err.strip().lines().count(), "one line: " + bad.err);
            assertEquals(before, snapshot(out), "nothing written to the existing store: " + String.join(" ", c));
        }
        Path search = dir.resolve("search.yaml");
        for (String s : new String[] {"lags: {search: {from: 50, to: 10}}", "lags: {search: {from: 10, to: 50, resolution: 0}}"}) {
            Files.writeString(search, SUITE.replace("lags: [5, 7]", s));
            Cli bad = Cli.run("suite", search.toString(), "--out", out.toString(), "--engine", "spark", "--master", "local[2]");
            assertEquals(2, bad.exitCode, bad.toString());
            assertTrue(bad.err.contains("lags.search"), bad.toString());
            assertEquals(1, bad.err.strip().lines().count(), "one line: " + bad.err);
            assertEquals(before, snapshot(out), "nothing written to the existing store");
        }
    }

    @Test
    void aSearchOnSparkPrintsItsInterval() throws Exception {
        Path f = dir.resolve("search.yaml");
        Files.writeString(f, SUITE.replace("lags: [5, 7]", "lags: {search: {from: 4, to: 64, seeds: 3, resolution: 0.5}}").replace("seeds: [1, 2]\n", ""));
        Path out = dir.resolve("search");
        Cli r = Cli.run("suite", f.toString(), "--out", out.toString(), "--engine", "spark", "--master", "local[2]");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("0 runs and 1 memory length search(es) on Spark"), r.out);
        assertTrue(r.out.contains("elman on addition: memory length in [") && r.out.contains("seeds solved/run by lag: 4: "), r.out);
        assertTrue(!r.out.contains("of other suites"), "the search's runs are this suite's: " + r.out);
    }
}
