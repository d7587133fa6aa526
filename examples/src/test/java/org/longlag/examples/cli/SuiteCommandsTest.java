package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SuiteCommandsTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result longlag(String... args) {
        CommandLine cl = Longlag.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aBadSuiteFileIsRefusedWithFileLineKeyAndValue() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "models: [lstm]\ntasks: [addition]\nlags: [10]\ntraining: {steps: lots}\n");
        Result r = longlag("suite", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ":4:") && r.err().contains("training.steps") && r.err().contains("'lots'"), r.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written for a suite that cannot run");
    }

    @Test
    void suiteThenReportThenResume() throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, String.join("\n", "seeds: [1]", "lags: [5, 7]", "training: {steps: 10, batch: 8}",
                "evaluation: {every: 0, validation-samples: 16, test-samples: 32}", "gradient-norms: {samples: 4, points: 3}",
                "models: [{kind: elman, options: {hidden: 4}}]", "tasks: [addition]", ""));
        Path out = dir.resolve("out");
        Result r = longlag("suite", f.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("suite 'tiny', budget quick:") && r.out().contains("2 run(s) trained"), r.out());
        assertTrue(r.out().contains("memory length, addition"), r.out());
        assertTrue(Files.exists(out.resolve("report.html")) && Files.exists(out.resolve("runs.csv")) && Files.exists(out.resolve("runs.json")));
        try (var s = Files.list(out.resolve("suites"))) {
            assertEquals(1, s.count(), "the resolved suite is stored beside the results");
        }
        Result again = longlag("suite", f.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 run(s) trained") && again.out().contains("2 already in the store"), again.out());
        Files.delete(out.resolve("report.html"));
        Result report = longlag("report", out.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.exists(out.resolve("report.html")));
        assertEquals(2, longlag("report", dir.resolve("nowhere").toString()).code());
    }

    @Test
    void sweepPrintsModelByLagTable() {
        Path out = dir.resolve("sweep");
        Result r = longlag("sweep", "--models", "elman,irnn", "--tasks", "addition", "--lags", "5,6", "--seeds", "1", "--hidden", "4",
                "--steps", "5", "--eval-every", "0", "--eval-samples", "16", "--test-samples", "32", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best test MSE") && r.out().contains("best fraction correct") && r.out().contains("chance MSE"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  irnn +6 .*"), r.out());
        Result bad = longlag("sweep", "--models", "elman", "--lags", "5", "--tau-a", "2", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--tau-a does not apply"), bad.err());
    }

    @Test
    void theBuiltInSuiteCanBePrinted() {
        Result r = longlag("run", "--print-suite");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("name: default") && r.out().contains("budgets:"), r.out());
    }
}
