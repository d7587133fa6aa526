package org.longlag.tasks.suite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.suite.ResultsStore;
import org.longlag.tasks.suite.RunWorker;
import org.longlag.tasks.suite.StoredRecord;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteListener;
import org.longlag.tasks.suite.SuiteReader;
import org.longlag.tasks.suite.SuiteRun;
import org.longlag.tasks.suite.SuiteRunner;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers, separate JVMs. A cluster
 * too small for one run refused before anything runs; a suite submitted to it; then, in the same
 * application, a suite with a long run whose worker is killed with SIGKILL after its first
 * checkpoint: every run of the grid is in the store exactly once, every line is complete, and the
 * long run went on from its checkpoint on the other worker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SparkClusterTest {

    static final ExperimentRunner RUNNER = ExperimentRunner.discover();

    /** Six short runs, and one long one that saves itself every 100 updates (the most expensive, so submitted first). */
    static final String SUITE = String.join("\n",
            "name: cluster",
            "seeds: [1, 2]",
            "lags: [5, 6, 7]",
            "checkpoint-every: 100",
            "training: {steps: 30, batch: 8, lr: 0.01}",
            "evaluation: {every: 0, validation-samples: 16, test-samples: 32, stop-when-solved: false}",
            "gradient-norms: {samples: 8, points: 4}",
            "models: [{kind: elman, options: {hidden: 4}}]",
            "tasks:",
            "  - addition",
            "  - {kind: addition, label: long, lags: [40], seeds: [1], training: {steps: 1200, batch: 32}}",
            "");

    @TempDir
    static Path tmp;
    static StandaloneCluster cluster;
    /** One application for the suite and the kill (executors start once: most of this test's time). */
    static SparkEngine engine;

    @BeforeAll
    static void start() throws Exception {
        cluster = new StandaloneCluster(tmp.resolve("cluster"), 2, "1g");
    }

    @AfterAll
    static void stop() {
        try {
            if (engine != null) engine.close();
        } finally {
            if (cluster != null) cluster.close();
        }
    }

    static Map<String, String> conf() {
        return Map.of("spark.executor.memory", "640m", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");
    }

    @Test
    @Order(2)
    void aSuiteRunsOnTheCluster() throws Exception {
        Suite suite = new SuiteReader(RUNNER).parse("cluster.yaml", SUITE.replace("checkpoint-every: 100", "checkpoint-every: 0")
                .replace("steps: 1200", "steps: 40"), "quick");
        Path dir = tmp.resolve("store-1");
        engine = SparkEngine.start(cluster.url(), "longlag-test", conf(), 60);
        try (ResultsStore store = ResultsStore.open(dir)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.executors() < 2 && System.nanoTime() < deadline) Thread.sleep(100);
            assertEquals(2, engine.executors(), "an executor on each worker: " + engine.describe());
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, engine, false).run(suite, store, SuiteListener.NONE);
            assertEquals(7, o.runs());
            assertEquals(7, o.ok() + o.diverged(), "every run finished");
        }
        List<StoredRecord> records = ResultsStore.read(dir);
        assertEquals(suite.expand(RUNNER).stream().map(SuiteRun::key).collect(Collectors.toSet()),
                records.stream().map(StoredRecord::key).collect(Collectors.toSet()));
        assertEquals(7, records.size());
    }

    /** First, while the workers' cores are free: the refusal is for memory alone. */
    @Test
    @Order(1)
    void aClusterWithoutMemoryForOneRunIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkEngine.start(cluster.url(), "longlag-test",
                Map.of("spark.executor.memory", "16g", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1"), 4));
        assertTrue(e.getMessage().contains("gave no executor") && e.getMessage().contains("16g"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    @Order(3)
    void aWorkerKilledMidSuiteLosesNothingAndTheLongRunResumes() throws Exception {
        Suite suite = new SuiteReader(RUNNER).parse("cluster.yaml", SUITE, "quick");
        List<SuiteRun> grid = suite.expand(RUNNER);
        SuiteRun longRun = grid.stream().filter(r -> r.taskLabel().equals("long")).findFirst().orElseThrow();
        Path dir = tmp.resolve("store-2");
        Path checkpoints = dir.resolve(SuiteRunner.ARTIFACTS).resolve(longRun.key()).resolve(RunWorker.CHECKPOINTS);
        ExecutorService driver = Executors.newSingleThreadExecutor();
        if (engine == null) engine = SparkEngine.start(cluster.url(), "longlag-test", conf(), 60);
        try (ResultsStore store = ResultsStore.open(dir)) {
            Future<SuiteRunner.Outcome> run = driver.submit(() -> new SuiteRunner(RUNNER, engine, false).run(suite, store, SuiteListener.NONE));
            String attempt = awaitCheckpoint(checkpoints, 120);
            String executor = attempt.replaceFirst("^executor-(.+)-task-.*$", "$1");
            int worker = cluster.workerOf(executor);
            assertTrue(worker >= 0, "the worker of executor " + executor + " is found");
            assertTrue(!run.isDone(), "the suite was still running when the worker was killed (else this test proves nothing)");
            long killed = System.nanoTime();
            cluster.killWorker(worker);
            SuiteRunner.Outcome o = run.get(180, TimeUnit.SECONDS);
            System.out.printf(java.util.Locale.ROOT, "cluster: worker %d (executor %s) killed at the long run's first checkpoint; the suite finished %.1f s later%n",
                    worker, executor, (System.nanoTime() - killed) / 1e9);
            assertEquals(7, o.runs());
            assertEquals(7, o.ok() + o.diverged(), "every run finished: " + o);
        } finally {
            driver.shutdownNow();
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(ResultsStore.FILE));
        assertEquals('\n', bytes[bytes.length - 1], "the store ends with a complete line");
        List<StoredRecord> records = ResultsStore.read(dir);
        assertEquals(bytes.length == 0 ? 0 : new String(bytes).split("\n").length, records.size(), "every line is a complete record");
        Set<String> keys = records.stream().map(StoredRecord::key).collect(Collectors.toSet());
        assertEquals(records.size(), keys.size(), "no run stored twice");
        assertEquals(grid.stream().map(SuiteRun::key).collect(Collectors.toSet()), keys, "every run of the grid stored");
        JsonNode lr = records.stream().filter(r -> r.key().equals(longRun.key())).findFirst().orElseThrow().node();
        JsonNode from = lr.get("resumed-from");
        assertNotNull(from);
        assertTrue(from.isObject() && from.get("step").asInt() >= 100 && from.get("step").asInt() % 100 == 0,
                "the long run went on from a checkpoint: " + from);
        assertEquals(1200, lr.at("/summary/steps").asInt(), "and trained to its last update");
        assertTrue(!Files.exists(checkpoints), "its checkpoints were removed once its record was stored");
        System.out.println("cluster: the long run went on from update " + from.get("step").asInt() + " of 1200; " + records.size() + " records, one per run");
    }

    /** Waits for the first complete checkpoint of the long run; returns its attempt directory's name. */
    private static String awaitCheckpoint(Path dir, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path a : (Iterable<Path>) s::iterator) {
                        if (Files.exists(a.resolve("result.json")) && !a.getFileName().toString().endsWith(".new")) return a.getFileName().toString();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of the long run within " + seconds + " s");
    }
}
