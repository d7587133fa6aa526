package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StabilityCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = Longlag.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void writesCsvPlotAndConfigAndOneLinePerCheckpoint(@TempDir Path dir) throws Exception {
        String[] r = run("stability", "--model", "elman", "--recurrent-init", "gaussian", "--recurrent-scale", "0.5", "--task", "addition",
                "--lag", "20", "--hidden", "8", "--steps", "4", "--checkpoints", "0,4", "--batch", "8", "--threads", "1",
                "--probe-batches", "1", "--probe-size", "4", "--windows", "5", "--lyapunov-steps", "50", "--lyapunov-transient", "10",
                "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().filter(l -> l.startsWith("elman addition T=20 step ")).toList();
        assertEquals(2, lines.size(), r[1]);
        assertTrue(lines.get(0).matches("elman addition T=20 step 0: gradient norm decays: b = -[0-9.]+/step, exp\\(b\\) = 0\\.[0-9]+ .*lambda_max = .*"), lines.get(0));
        List<String> norms = Files.readAllLines(dir.resolve("gradient_norms.csv"));
        assertEquals("step,lag,gradient_norm,log_jacobian_norm", norms.get(0));
        assertEquals(1 + 2 * 20, norms.size());
        assertTrue(norms.get(21).startsWith("4,0,"), norms.get(21));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("0,"), summary.get(1));
        assertEquals(3, Files.readAllLines(dir.resolve("jacobian_windows.csv")).size());
        byte[] png = Files.readAllBytes(dir.resolve("gradient_norms.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"recurrent-scale\" : 0.5"));
    }

    @Test
    void checkpointBeyondTheStepsIsAUsageError(@TempDir Path dir) {
        String[] r = run("stability", "--model", "elman", "--task", "addition", "--steps", "3", "--checkpoints", "5", "--out", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--checkpoints must be within 0..3"), r[2]);
    }

    @Test
    void optionOfAnotherModelIsRefusedByName(@TempDir Path dir) {
        String[] r = run("stability", "--model", "lstm", "--recurrent-scale", "3", "--task", "addition", "--out", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--recurrent-scale does not apply to model 'lstm'"), r[2]);
    }

    @Test
    void measuresASavedReconstructionModelWithAndWithoutForcing(@TempDir Path dir) throws Exception {
        Cli trained = Cli.run("dsr", "--model", "shplrnn", "--hidden", "3", "--hidden-width", "8", "--length", "1500", "--test-length", "100",
                "--seq-length", "20", "--steps", "3", "--batch", "4", "--forcing", "sparse", "--tau", "5", "--threads", "1", "--out", dir.resolve("dsr").toString());
        assertEquals(0, trained.exitCode, trained.toString());
        String[] common = {"stability", "--load", dir.resolve("dsr/model.longlag").toString(), "--task", "dsr", "--length", "1500", "--test-length", "100",
                "--lag", "30", "--probe-batches", "1", "--probe-size", "4", "--windows", "5", "--lyapunov-steps", "50", "--lyapunov-transient", "10"};
        String[] free = run(concat(common, "--forcing", "free", "--out", dir.resolve("free").toString()));
        assertEquals("0", free[0], free[2]);
        assertTrue(free[1].contains("model.longlag dsr T=30, free running from the data step 0: gradient norm"), free[1]);
        String[] sparse = run(concat(common, "--forcing", "sparse", "--tau", "5", "--out", dir.resolve("sparse").toString()));
        assertEquals("0", sparse[0], sparse[2]);
        assertTrue(sparse[1].contains("dsr T=30, sparse forcing tau=5 step 0: gradient norm"), sparse[1]);
        List<String> norms = Files.readAllLines(dir.resolve("sparse/gradient_norms.csv"));
        assertEquals(1 + 31, norms.size(), "lags 0..30 of a window of 30 steps (and its start)");
        assertTrue(Files.readString(dir.resolve("sparse/config.json")).contains("\"forcing\" : \"sparse\""));
        String[] wrongTask = run("stability", "--load", dir.resolve("dsr/model.longlag").toString(), "--task", "addition", "--out", dir.resolve("x").toString());
        assertEquals("2", wrongTask[0]);
        assertTrue(wrongTask[2].contains("takes 1 inputs and gives 3 outputs; task 'addition' has 2 and 1"), wrongTask[2]);
        String[] neither = run("stability", "--task", "addition", "--out", dir.resolve("y").toString());
        assertEquals("2", neither[0]);
        assertTrue(neither[2].contains("--model KIND") && neither[2].contains("--load FILE"), neither[2]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
