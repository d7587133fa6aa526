package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;

/**
 * kill -9 of a local suite while its long run trains, then the same suite again: the long run goes
 * on from its last checkpoint instead of from scratch, and its record says from where.
 */
class CheckpointResumeTest {

    static final String SUITE = String.join("\n",
            "name: ckpt",
            "seeds: [1]",
            "lags: [30]",
            "checkpoint-every: 50",
            "training: {steps: 800, batch: 32, lr: 0.01}",
            "evaluation: {every: 0, validation-samples: 16, test-samples: 32, stop-when-solved: false}",
            "gradient-norms: {samples: 8, points: 4}",
            "models: [{kind: elman, options: {hidden: 6}}]",
            "tasks: [addition]",
            "");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunGoesOnFromItsCheckpoint() throws Exception {
        Path suiteFile = tmp.resolve("ckpt.yaml");
        Files.writeString(suiteFile, SUITE);
        Path store = tmp.resolve("store");
        ExperimentRunner runner = ExperimentRunner.discover();
        SuiteRun run = new SuiteReader(runner).read(suiteFile, "quick").expand(runner).get(0);
        Path checkpoints = store.resolve(SuiteRunner.ARTIFACTS).resolve(run.key()).resolve(RunWorker.CHECKPOINTS);

        Process first = child(suiteFile, store);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && first.isAlive() && !saved(checkpoints)) Thread.sleep(20);
        assertTrue(first.isAlive(), "the run was still training when killed (else this test proves nothing)");
        first.destroyForcibly(); // SIGKILL
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(store.resolve(ResultsStore.FILE)) && !Files.readString(store.resolve(ResultsStore.FILE)).isEmpty(), "killed before it ended");

        Process second = child(suiteFile, store);
        assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the suite run again finishes");
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, second.exitValue(), out);
        List<StoredRecord> records = ResultsStore.read(store);
        assertEquals(1, records.size());
        JsonNode r = records.get(0).node();
        assertEquals(RunRecord.OK, r.get("status").asText(), r.toString());
        JsonNode from = r.get("resumed-from");
        assertTrue(from.isObject() && from.get("step").asInt() >= 50 && from.get("step").asInt() % 50 == 0, "went on from a checkpoint: " + from);
        assertFalse(from.get("optimizer-restarted").asBoolean(), "with the optimizer's state");
        assertEquals(800, r.at("/summary/steps").asInt(), "to its last update");
        // the same run cut to one update, from scratch: its initial gradient norms are measured on the model it starts from
        Path fresh = tmp.resolve("fresh");
        try (ResultsStore s = ResultsStore.open(fresh)) {
            new SuiteRunner(runner, 1, false).run(new SuiteReader(runner).parse("one.yaml", SUITE.replace("steps: 800", "steps: 1"), "quick"), s, SuiteListener.NONE);
        }
        assertEquals(ResultsStore.read(fresh).get(0).node().at("/gradient-norms/initial"), r.at("/gradient-norms/initial"),
                "the resumed run's initial gradient norms are those of the run's initialization");
        assertFalse(Files.exists(checkpoints), "the checkpoints are gone once the record is stored");
        System.out.println("checkpoint resume: went on from update " + from.get("step").asInt() + " of 800");
    }

    private static boolean saved(Path checkpoints) throws Exception {
        if (!Files.isDirectory(checkpoints)) return false;
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.anyMatch(a -> Files.exists(a.resolve("result.json")));
        }
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
}
