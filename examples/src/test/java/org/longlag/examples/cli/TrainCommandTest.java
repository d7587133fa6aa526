package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.model.SequenceModel;
import picocli.CommandLine;

class TrainCommandTest {

    /** Exit code, standard output and standard error of one command line. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Longlag.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainWritesResultAndModelWithTheResolvedConfiguration(@TempDir Path dir) throws Exception {
        Run r = run("train", "--model", "lstm", "--task", "addition", "--lag", "8", "--hidden", "8", "--steps", "30",
                "--eval-every", "10", "--eval-samples", "50", "--test-samples", "100", "--seed", "4", "--forget-bias", "2.0",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test (100 sequences)"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertEquals("lstm", json.at("/experiment/model").asText());
        assertEquals(8, json.at("/taskSettings/lag").asInt());
        assertEquals("reg-plrnn", json.at("/taskSettings/protocol").asText());
        assertEquals(2.0, json.at("/modelSettings/forget-bias").asDouble());
        assertEquals(2.0, json.at("/modelSpec/cell/forgetBias").asDouble());
        assertEquals(4, json.at("/experiment/seed").asLong());
        assertTrue(json.at("/test/metrics/mse").isNumber());
        assertTrue(json.at("/trainingSeed").isNumber());
        SequenceModel m = SequenceModel.load(dir.resolve("model.longlag"));
        assertEquals(8, m.spec().cell().outputSize());
    }

    @Test
    void badOptionsAndValuesGetOneLineNamingThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("untouched");
        String[][] cases = {
            {"--lag", "-5"},
            {"--hidden", "abc"},
            {"--frobnicate", "3"},
            {"--tau-a", "5"},
            {"--protocol", "nope"},
            {"--lr", "0"},
        };
        String[] names = {"lag", "hidden", "frobnicate", "tau-a", "nope", "learningRate"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[6 + cases[i].length];
            String[] base = {"train", "--model", "lstm", "--task", "addition", "--out=" + out};
            System.arraycopy(base, 0, args, 0, base.length);
            args[base.length - 1] = "--out=" + out;
            System.arraycopy(cases[i], 0, args, base.length, cases[i].length);
            Run r = run(java.util.Arrays.copyOf(args, base.length + cases[i].length));
            assertEquals(2, r.code(), "exit code for " + String.join(" ", cases[i]) + ": " + r.err());
            String err = r.err().trim();
            assertFalse(err.contains("\n"), "one line: " + err);
            assertTrue(err.startsWith("longlag: ") && err.contains(names[i]), "names " + names[i] + ": " + err);
        }
        assertFalse(Files.exists(out), "nothing written for a refused command");
        Run unknownModel = run("train", "--model", "lsmt", "--task", "addition");
        assertEquals(2, unknownModel.code());
        assertTrue(unknownModel.err().contains("lsmt") && unknownModel.err().contains("lstm"), unknownModel.err());
    }

    @Test
    void helpListsModelAndTaskOptions() {
        Run r = run("train", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--forget-bias") && r.out().contains("--protocol") && r.out().contains("--steps"), r.out());
    }

    @Test
    void helpShowsEachKindsDefaultWhereKindsSharingAnOptionDiffer() {
        String help = run("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("default 0.5 for rplrnn; 1.0 for iplrnn, l2plrnn"), help);
        assertTrue(help.contains("default 5.0; rplrnn, l2plrnn"), help);
    }
}
