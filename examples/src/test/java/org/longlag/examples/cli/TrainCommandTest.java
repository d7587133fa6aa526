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
        String[] names = {"lag", "hidden", "frobnicate", "tau-a", "nope", "--lr"};
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

    @Test
    void enumOptionsListTheirValuesAndBadValuesNameTheOptionAndWhatItTakes(@TempDir Path dir) {
        String help = run("train", "--help").out();
        assertTrue(help.contains("--controller=lstm|feedforward") && help.contains("--protocol=reg-plrnn|hochreiter-1997"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("--hidden=<hidden> hidden/latent units (default 64; every model)"), help);
        Run r = run("train", "--model", "ntm", "--task", "copy", "--memory-rows", "0", "--out", dir.resolve("a").toString());
        assertEquals(2, r.code());
        assertEquals("longlag: memory-rows must be at least 1, got 0", r.err().trim());
        r = run("train", "--model", "ntm", "--task", "copy", "--controller", "gru", "--out", dir.resolve("b").toString());
        assertEquals(2, r.code());
        assertEquals("longlag: option 'controller' expects lstm or feedforward, got 'gru'", r.err().trim());
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")));
    }

    /** The training flags are declared once (TrainingOptions, RunOptions, EvaluationOptions); each command keeps its defaults and wording. */
    @Test
    void sharedTrainingFlagsKeepEachCommandsDefaultsAndWording() {
        String train = run("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(train.contains("--batch=<batch> sequences per update (default 32)") && train.contains("--steps=<steps> maximal number of updates (default 5000)")
                && train.contains("--clip=<clip> global gradient-norm clipping, 0 for none (default 1.0)")
                && train.contains("validate every N steps, 0 for only at the end (default 200)"), train);
        String dsr = run("dsr", "--help").out().replaceAll("\\s+", " ");
        assertTrue(dsr.contains("--batch=<batch> windows per update (default 16, the reference's)")
                && dsr.contains("evaluate every N updates, 0 for only at the end (default 0)") && !dsr.contains("--eval-samples"), dsr);
        String stability = run("stability", "--help").out().replaceAll("\\s+", " ");
        assertTrue(stability.contains("training updates; 0 measures at initialization only (default 0)") && !stability.contains("--eval-every"), stability);
        String resume = run("resume", "--help").out().replaceAll("\\s+", " ");
        assertTrue(resume.contains("training threads (default: the saved run's;") && resume.contains("validate every N steps (default: the saved run's)")
                && !resume.contains("--batch"), resume);
        String sweep = run("sweep", "--help").out().replaceAll("\\s+", " ");
        assertTrue(sweep.contains("--eval-samples=<evalSamples> validation sequences (default 500)") && !sweep.contains("--seed="), sweep);
    }
}
