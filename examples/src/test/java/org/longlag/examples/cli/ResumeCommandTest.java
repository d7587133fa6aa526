package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.train.TrainingState;
import org.longlag.models.train.TrainingStateFile;

class ResumeCommandTest {

    private static Path trained(Path dir) {
        Path run = dir.resolve("first");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--model", "rplrnn", "--task", "addition", "--lag", "8", "--hidden", "8",
                "--steps", "20", "--eval-every", "10", "--eval-samples", "50", "--test-samples", "100", "--seed", "4", "--threads", "1",
                "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }

    @Test
    void goesOnFromTheSavedRunIntoANewDirectory(@TempDir Path dir) throws Exception {
        Path first = trained(dir);
        byte[] savedModel = Files.readAllBytes(first.resolve("model.longlag"));
        Path next = dir.resolve("next");
        TrainCommandTest.Run r = TrainCommandTest.run("resume", first.toString(), "--steps", "35", "--eval-every", "5", "--out", next.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("from step 20"), r.out());
        assertTrue(r.out().contains("trained from step 20 to 35"), r.out());
        assertFalse(r.out().contains("restarts"), r.out());

        JsonNode json = new ObjectMapper().readTree(next.resolve("result.json").toFile());
        assertEquals(35, json.at("/steps").asInt());
        assertEquals(35 * 32, json.at("/sequences").asLong());
        assertEquals(20, json.at("/resumedFrom/step").asInt());
        assertFalse(json.at("/resumedFrom/optimizerRestarted").asBoolean());
        assertEquals(35, json.at("/experiment/training/steps").asInt());
        assertEquals("rplrnn", json.at("/experiment/model").asText());
        assertEquals(8, json.at("/taskSettings/lag").asInt());
        assertEquals(25, json.at("/history/0/step").asInt(), "validations go on counting the run's updates");
        TrainingState state = TrainingStateFile.read(next.resolve("model.state"));
        assertEquals(35, state.step());
        assertEquals(35, state.optimizerUpdates());
        assertArrayEquals(savedModel, Files.readAllBytes(first.resolve("model.longlag")), "the saved run is kept");
    }

    @Test
    void aRunSavedWithoutItsOptimizerStateRestartsTheOptimizer(@TempDir Path dir) throws Exception {
        Path first = trained(dir);
        Files.delete(first.resolve("model.state")); // as in runs saved before the state file existed
        Path next = dir.resolve("next");
        TrainCommandTest.Run r = TrainCommandTest.run("resume", first.toString(), "--steps", "30", "--out", next.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the optimizer restarts"), r.out());
        JsonNode json = new ObjectMapper().readTree(next.resolve("result.json").toFile());
        assertTrue(json.at("/resumedFrom/optimizerRestarted").asBoolean());
        assertEquals(10, TrainingStateFile.read(next.resolve("model.state")).optimizerUpdates());

        Path again = dir.resolve("again"); // and on purpose, from a run that has its state
        r = TrainCommandTest.run("resume", next.toString(), "--steps", "36", "--restart-optimizer", "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the optimizer restarts"), r.out());
        assertEquals(6, TrainingStateFile.read(again.resolve("model.state")).optimizerUpdates());
    }

    @Test
    void refusesWhatItCannotResumeWithALineNamingIt(@TempDir Path dir) throws Exception {
        Path first = trained(dir);
        byte[] result = Files.readAllBytes(first.resolve("result.json"));
        String[][] cases = {
            {"resume", first.toString(), "--steps", "40", "--out", first.toString()},
            {"resume", first.toString(), "--steps", "20", "--out", dir.resolve("x").toString()},
            {"resume", dir.resolve("nowhere").toString(), "--steps", "40", "--out", dir.resolve("x").toString()},
        };
        Path dsr = Files.createDirectories(dir.resolve("dsr"));
        Files.writeString(dsr.resolve("result.json"), "{\"run\": {}, \"data\": {}}");
        cases = java.util.Arrays.copyOf(cases, cases.length + 1);
        cases[cases.length - 1] = new String[] {"resume", dsr.toString(), "--steps", "40", "--out", dir.resolve("x").toString()};
        String[] expected = {"must not be the resumed run's directory", "is not past the 20 updates", "no result.json in",
            "is the result of 'longlag dsr'"};
        for (int i = 0; i < cases.length; i++) {
            TrainCommandTest.Run r = TrainCommandTest.run(cases[i]);
            assertTrue(r.code() != 0, r.out());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
        assertArrayEquals(result, Files.readAllBytes(first.resolve("result.json")), "the saved run is kept");

        byte[] model = Files.readAllBytes(first.resolve("model.longlag"));
        Files.write(first.resolve("model.longlag"), java.util.Arrays.copyOf(model, model.length - 7));
        TrainCommandTest.Run r = TrainCommandTest.run("resume", first.toString(), "--steps", "40", "--out", dir.resolve("y").toString());
        assertEquals(Longlag.USAGE, r.code(), "a damaged saved run is a bad DIR: " + r.err());
        assertTrue(r.err().contains("truncated"), r.err());
        assertFalse(Files.exists(dir.resolve("y").resolve("result.json")));
    }

    /**
     * A run saved every 7 updates holds, after 20, the save of update 14: bitwise the model and state
     * that a 14-update run of the same seed writes; resume goes on from it, and refuses to save its
     * own checkpoints over it.
     */
    @Test
    void checkpointsHoldTheRunAsItStoodAndResumeGoesOnFromThem(@TempDir Path dir) throws Exception {
        String[] common = {"train", "--model", "rplrnn", "--task", "addition", "--lag", "8", "--hidden", "8", "--eval-every", "5",
            "--eval-samples", "50", "--test-samples", "100", "--seed", "4", "--threads", "1", "--keep-going"};
        Path run = dir.resolve("run"), short14 = dir.resolve("short");
        TrainCommandTest.Run r = TrainCommandTest.run(concat(common, "--steps", "20", "--checkpoint-every", "7", "--out", run.toString()));
        assertEquals(0, r.code(), r.err());
        r = TrainCommandTest.run(concat(common, "--steps", "14", "--out", short14.toString()));
        assertEquals(0, r.code(), r.err());

        Path checkpoint = run.resolve("checkpoint");
        assertFalse(Files.exists(dir.resolve("run").resolve("checkpoint.new")), "the new save was moved into place");
        assertArrayEquals(Files.readAllBytes(short14.resolve("model.longlag")), Files.readAllBytes(checkpoint.resolve("model.longlag")));
        assertArrayEquals(Files.readAllBytes(short14.resolve("model.state")), Files.readAllBytes(checkpoint.resolve("model.state")));
        JsonNode json = new ObjectMapper().readTree(checkpoint.resolve("result.json").toFile());
        assertEquals(14, json.at("/steps").asInt());
        assertEquals(20, json.at("/experiment/training/steps").asInt());
        assertEquals(2, json.at("/history").size(), "the validations at 5 and 10");
        assertEquals(10, json.at("/history/1/step").asInt());

        Path next = dir.resolve("next");
        r = TrainCommandTest.run("resume", checkpoint.toString(), "--steps", "20", "--out", next.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("from step 14"), r.out());
        assertEquals(20, TrainingStateFile.read(next.resolve("model.state")).optimizerUpdates(), "the optimizer went on, not restarted");

        byte[] saved = Files.readAllBytes(checkpoint.resolve("model.longlag"));
        r = TrainCommandTest.run("resume", checkpoint.toString(), "--steps", "30", "--checkpoint-every", "2", "--out", run.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--checkpoint-every would write into"), r.err());
        r = TrainCommandTest.run(concat(common, "--steps", "5", "--checkpoint-every", "-1", "--out", dir.resolve("x").toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--checkpoint-every must be 0"), r.err());
        assertArrayEquals(saved, Files.readAllBytes(checkpoint.resolve("model.longlag")), "the checkpoint is kept");
    }

    /**
     * A directory with a foreign file where a checkpoint goes is refused before training: without
     * --force because it is not empty, with --force because the checkpoint directory is not only a
     * checkpoint's; the foreign file stays, and nothing is written (a save that cannot be written
     * during a run stops it with the reason: CheckpointListenerTest).
     */
    @Test
    void aCheckpointDirectoryHoldingForeignFilesIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Path foreign = Files.createDirectories(run.resolve("checkpoint.new")).resolve("notes.txt");
        Files.writeString(foreign, "mine");
        String[] train = {"train", "--model", "plrnn", "--task", "addition", "--lag", "8", "--hidden", "8",
            "--steps", "20", "--eval-every", "0", "--eval-samples", "50", "--test-samples", "100", "--threads", "1", "--keep-going",
            "--checkpoint-every", "7", "--out", run.toString()};
        TrainCommandTest.Run r = TrainCommandTest.run(train);
        assertEquals(Longlag.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("is not empty (it holds checkpoint.new)"), r.err());
        r = TrainCommandTest.run(concat(train, "--force"));
        assertEquals(Longlag.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("holds files that are not a checkpoint's (notes.txt)"), r.err());
        assertEquals("mine", Files.readString(foreign));
        assertFalse(Files.exists(run.resolve("result.json")));
    }

    /**
     * A save killed with kill -9 leaves checkpoint.new with a 0-byte temporary file; the next run
     * into that directory (--force: it holds the killed run) goes on and checkpoints as usual (it
     * used to stop at its first save, exit code 0).
     */
    @Test
    void aSaveKilledMidWriteDoesNotStopTheNextRun(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Path fresh = Files.createDirectories(run.resolve("checkpoint.new"));
        Files.createFile(fresh.resolve("model.longlag5817263.tmp"));
        Files.writeString(fresh.resolve(".result.json4421.tmp"), "{\"experi");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--model", "plrnn", "--task", "addition", "--lag", "8", "--hidden", "8",
                "--steps", "20", "--eval-every", "0", "--eval-samples", "50", "--test-samples", "100", "--threads", "1", "--keep-going",
                "--checkpoint-every", "7", "--out", run.toString(), "--force");
        assertEquals(Longlag.OK, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(run.resolve("result.json").toFile());
        assertEquals(20, json.at("/steps").asInt(), json.toString());
        assertEquals("", json.at("/stopReason").asText());
        assertEquals(14, new ObjectMapper().readTree(run.resolve("checkpoint/result.json").toFile()).at("/steps").asInt());
        assertFalse(Files.exists(fresh), "the killed save's leftovers are gone");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
