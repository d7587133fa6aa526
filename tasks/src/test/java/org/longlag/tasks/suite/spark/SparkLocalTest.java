package org.longlag.tasks.suite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.suite.ResultsStore;
import org.longlag.tasks.suite.StoredRecord;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteListener;
import org.longlag.tasks.suite.SuiteReader;
import org.longlag.tasks.suite.SuiteRunner;
import org.longlag.tasks.suite.TinySuites;

/**
 * The same suite on local threads and on Spark in this JVM (local[2]): the same keys, bitwise the same
 * metrics (each run is deterministic on one thread), and the artifacts shipped back as bytes equal to
 * the ones written in place.
 */
class SparkLocalTest {

    @TempDir
    Path tmp;

    @Test
    void sparkLocalGivesTheRecordsOfLocalThreads() throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite suite = new SuiteReader(runner).parse("tiny-both.yaml", TinySuites.MEMORY_AND_DSR, "quick");
        Path local = tmp.resolve("local"), spark = tmp.resolve("spark");
        try (ResultsStore store = ResultsStore.open(local)) {
            new SuiteRunner(runner, 2, true).run(suite, store, SuiteListener.NONE);
        }
        List<Integer> linesAtFinish = new java.util.ArrayList<>();
        List<java.time.Instant> stored = new java.util.ArrayList<>();
        SuiteListener lines = new SuiteListener() {
            @Override
            public void onFinish(org.longlag.tasks.suite.SuiteRun run, StoredRecord record) {
                try {
                    linesAtFinish.add((int) Files.readAllLines(spark.resolve(ResultsStore.FILE)).size());
                    stored.add(java.time.Instant.now());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (SparkEngine engine = SparkEngine.start("local[2]", "test", Map.of(), 30); ResultsStore store = ResultsStore.open(spark)) {
            SuiteRunner.Outcome o = new SuiteRunner(runner, engine, true).run(suite, store, lines);
            assertEquals(10, o.runs());
            assertEquals(0, o.failed());
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), linesAtFinish, "each record was in the store file as its run came back, one by one");
        java.time.Instant lastStart = ResultsStore.read(spark).stream().map(r -> java.time.Instant.parse(r.node().get("started").asText()))
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        assertTrue(stored.get(0).isBefore(lastStart), "the first record was stored before the last run had started, not at the end");
        Map<String, JsonNode> a = byKey(ResultsStore.read(local)), b = byKey(ResultsStore.read(spark));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertEquals(a.get(k).get("metrics"), b.get(k).get("metrics"), k);
            assertEquals(a.get(k).get("summary").get("error"), b.get(k).get("summary").get("error"), k);
            assertEquals(a.get(k).get("gradient-norms"), b.get(k).get("gradient-norms"), k);
            assertEquals(a.get(k).get("artifacts"), b.get(k).get("artifacts"), k);
            for (JsonNode f : a.get(k).get("artifacts")) {
                assertArrayEquals(Files.readAllBytes(local.resolve(f.asText())), Files.readAllBytes(spark.resolve(f.asText())), f.asText());
            }
        }
        assertTrue(b.values().stream().anyMatch(n -> n.get("artifacts").size() > 1), "a reconstruction's trajectories came back too");
    }

    private static Map<String, JsonNode> byKey(List<StoredRecord> records) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (StoredRecord r : records) m.put(r.key(), r.node());
        return m;
    }
}
