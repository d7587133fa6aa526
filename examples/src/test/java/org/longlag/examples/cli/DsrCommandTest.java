package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.tasks.experiment.JsonFiles;

/** {@code longlag dsr}: a tiny run writes its files, and its metrics are those of {@code longlag metrics} on them. */
class DsrCommandTest {

    @Test
    void tinyRunWritesResultModelAndTrajectories(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("dsr", "--model", "shplrnn", "--hidden", "3", "--hidden-width", "8", "--length", "2000", "--test-length", "400",
                "--seq-length", "20", "--steps", "4", "--batch", "4", "--forcing", "sparse", "--tau", "5", "--out", dir.toString());
        assertEquals(0, r.exitCode, r.toString());
        for (String f : new String[] {"result.json", "model.longlag", "generated.csv", "truth.csv"}) assertTrue(Files.exists(dir.resolve(f)), f);
        assertEquals(400, TrajectoryCsv.read(dir.resolve("generated.csv")).length());
        assertEquals(3, TrajectoryCsv.read(dir.resolve("truth.csv")).dimension());

        JsonNode result = JsonFiles.mapper().readTree(dir.resolve("result.json").toFile());
        JsonNode run = result.get("run");
        assertEquals("dsr", run.path("experiment").path("task").asText());
        assertEquals(5, run.path("taskSettings").path("tau").asInt(), "resolved task settings are stored");
        assertEquals("SparseForcing[interval=5]", result.path("data").path("forcing_rule").asText());
        assertEquals("identity", run.path("modelSpec").path("readout").path("type").asText(), "PLRNNs observe their first N units");
        double dstsp = run.path("test").path("metrics").path("dstsp").asDouble();
        double dh = run.path("test").path("metrics").path("dh").asDouble();
        assertTrue(run.path("test").path("metrics").has("prediction_error"));

        // the metrics command on the written files reproduces the run's metrics (D_stsp bins and D_H are per-dimension affine invariant)
        Cli m = Cli.run("metrics", "--true", dir.resolve("truth.csv").toString(), "--generated", dir.resolve("generated.csv").toString());
        assertEquals(0, m.exitCode, m.toString());
        assertEquals(dstsp, m.value("D_stsp ="), 1e-4 * Math.max(1, dstsp));
        assertEquals(dh, m.value("D_H    ="), 1e-4);

        Cli lyap = Cli.run("lyapunov", "--model", dir.resolve("model.longlag").toString(), "--steps", "200", "--transient", "20");
        assertEquals(0, lyap.exitCode, lyap.toString());
        assertTrue(lyap.out.contains("dt = 0.01, from result.json"), lyap.out);
    }

    @Test
    void optionsOfOtherKindsAreRefusedByName(@TempDir Path dir) {
        MetricsCommandTest.assertError(Cli.run("dsr", "--model", "shplrnn", "--tau-a", "2", "--out", dir.toString()), "--tau-a");
    }
}
