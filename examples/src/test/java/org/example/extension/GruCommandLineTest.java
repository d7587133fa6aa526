package org.example.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.examples.cli.Longlag;
import org.longlag.models.model.SequenceModel;
import picocli.CommandLine;

/**
 * The extension on the command line, run in-process as {@code longlag} runs it: its kinds' services
 * lines are on the class path (here the test resources; for {@code ./longlag}, {@code LONGLAG_CLASSPATH}),
 * so {@code train --model gru --task delayed-recall} takes their options, and {@code resume} reads
 * the GRU back from the run's model file.
 */
class GruCommandLineTest {

    private record Run(int code, String out, String err) {
    }

    private static Run longlag(String... args) {
        CommandLine cl = Longlag.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainsAndResumesTheGruOnDelayedRecall(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first"), next = dir.resolve("next");
        Run r = longlag("train", "--model", "gru", "--task", "delayed-recall", "--lag", "10", "--symbols", "4", "--noise", "0.5",
                "--hidden", "8", "--update-gate-bias", "2", "--steps", "30", "--lr", "0.01", "--eval-every", "10", "--eval-samples", "50",
                "--test-samples", "100", "--seed", "5", "--threads", "1", "--keep-going", "--out", first.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test (100 sequences): error="), r.out());
        assertTrue(r.out().contains("generalization lag=20:"), r.out());

        JsonNode json = new ObjectMapper().readTree(first.resolve("result.json").toFile());
        assertEquals("gru", json.at("/experiment/model").asText());
        assertEquals("delayed-recall", json.at("/experiment/task").asText());
        assertEquals(2.0, json.at("/modelSettings/update-gate-bias").asDouble());
        assertEquals("example-gru", json.at("/modelSpec/cell/type").asText());
        assertEquals(2.0, json.at("/modelSpec/cell/updateGateBias").asDouble());
        assertEquals(4, json.at("/taskSettings/symbols").asInt());
        assertEquals(0.5, json.at("/taskSettings/noise").asDouble());
        assertEquals(Math.log(4), json.at("/test/chanceError").asDouble(), 1e-12);
        assertEquals(30, json.at("/steps").asInt());

        r = longlag("resume", first.toString(), "--steps", "45", "--out", next.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained from step 30 to 45"), r.out());
        JsonNode resumed = new ObjectMapper().readTree(next.resolve("result.json").toFile());
        assertEquals(45, resumed.at("/steps").asInt());
        assertEquals(30, resumed.at("/resumedFrom/step").asInt());
        assertEquals("gru", resumed.at("/experiment/model").asText());
        SequenceModel model = SequenceModel.load(next.resolve("model.longlag"));
        assertEquals(new GruCell(5, 8, 2.0), model.spec().cell());
    }

    @Test
    void theExtensionsOptionsAreCheckedByName(@TempDir Path dir) {
        Run r = longlag("train", "--model", "gru", "--task", "delayed-recall", "--symbols", "1", "--out", dir.resolve("a").toString());
        assertEquals(2, r.code(), r.out());
        assertEquals("longlag: symbols must be at least 2, got 1", r.err().trim());
        r = longlag("train", "--model", "gru", "--task", "delayed-recall", "--update-gate-bias", "x", "--out", dir.resolve("b").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("update-gate-bias"), r.err());
        String help = longlag("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--update-gate-bias") && help.contains("--symbols"), help);
    }
}
