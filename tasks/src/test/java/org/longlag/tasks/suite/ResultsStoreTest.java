package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode rec(String key, String status) {
        ObjectNode n = M.createObjectNode();
        n.put("key", key);
        n.put("status", status);
        n.put("text", "a line\nwith a newline inside a string");
        n.put("nan", Double.NaN);
        return n;
    }

    private Path file() {
        return dir.resolve(ResultsStore.FILE);
    }

    @Test
    void recordsSurviveReopeningOneLineEach() throws Exception {
        try (ResultsStore s = ResultsStore.open(dir)) {
            s.append(rec("a", "ok"));
            s.append(rec("b", "diverged"));
            s.append(rec("c", "failed"));
        }
        assertEquals(3, Files.readAllLines(file()).size());
        try (ResultsStore s = ResultsStore.open(dir)) {
            assertEquals(List.of("a", "b", "c"), s.records().stream().map(StoredRecord::key).toList());
            assertEquals(Set.of("a", "b"), s.finishedKeys(), "a failed run is not finished: it is retried");
            assertEquals("", s.repair());
            assertEquals("a line\nwith a newline inside a string", s.records().get(0).node().get("text").asText());
        }
    }

    @Test
    void aTornLastLineIsMovedAsideAndCompleteRecordsKept() throws Exception {
        try (ResultsStore s = ResultsStore.open(dir)) {
            s.append(rec("a", "ok"));
            s.append(rec("b", "ok"));
        }
        byte[] complete = Files.readAllBytes(file());
        byte[] torn = "{\"key\":\"c\",\"status\":\"o".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), torn, StandardOpenOption.APPEND);
        assertEquals(2, ResultsStore.read(dir).size(), "a reader skips the torn line without touching the file");
        assertEquals(complete.length + torn.length, Files.size(file()));
        try (ResultsStore s = ResultsStore.open(dir)) {
            assertTrue(s.repair().contains("torn"), s.repair());
            assertEquals(2, s.records().size());
            assertArrayEquals(complete, Files.readAllBytes(file()), "cut back to exactly the complete records");
            List<Path> aside;
            try (Stream<Path> l = Files.list(dir)) {
                aside = l.filter(p -> p.getFileName().toString().startsWith(ResultsStore.FILE + ".torn-")).toList();
            }
            assertEquals(1, aside.size());
            assertArrayEquals(torn, Files.readAllBytes(aside.get(0)), "the torn bytes are kept, not lost");
            s.append(rec("c", "ok"));
        }
        assertEquals(List.of("a", "b", "c"), ResultsStore.read(dir).stream().map(StoredRecord::key).toList());
    }

    @Test
    void aLastLineOfGarbageEndingInANewlineCountsAsTorn() throws Exception {
        try (ResultsStore s = ResultsStore.open(dir)) {
            s.append(rec("a", "ok"));
        }
        Files.write(file(), new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);
        try (ResultsStore s = ResultsStore.open(dir)) {
            assertEquals(1, s.records().size());
            assertTrue(s.repair().contains("5 bytes"), s.repair());
        }
    }

    @Test
    void aDamagedLineBeforeTheLastIsRefusedAndLeftAlone() throws Exception {
        try (ResultsStore s = ResultsStore.open(dir)) {
            s.append(rec("a", "ok"));
        }
        Files.write(file(), "not json\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        // a later complete record: "not json" cannot be an interrupted append
        Files.write(file(), (M.writeValueAsString(rec("b", "ok")) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResultsStore.open(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    @Test
    void oneWriterAtATime() throws Exception {
        try (ResultsStore s = ResultsStore.open(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResultsStore.open(dir));
            assertTrue(e.getMessage().contains("another longlag process"), e.getMessage());
        }
        try (ResultsStore s = ResultsStore.open(dir)) {
            assertEquals(0, s.records().size());
        }
    }

    @Test
    void concurrentAppendsGiveWholeLines() throws Exception {
        int n = 200;
        try (ResultsStore s = ResultsStore.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int k = i;
                fs.add(pool.submit(() -> s.append(rec("k" + k, "ok"))));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(file());
        assertEquals(n, lines.size());
        Set<String> keys = lines.stream().map(l -> {
            try {
                return M.readTree(l).get("key").asText();
            } catch (Exception e) {
                throw new AssertionError("torn line: " + l, e);
            }
        }).collect(Collectors.toSet());
        assertEquals(n, keys.size());
    }

    @Test
    void theNewestFinishedRecordOfAKeyWins() {
        List<StoredRecord> rs = List.of(
                new StoredRecord(1, "a", "failed", rec("a", "failed")),
                new StoredRecord(2, "b", "ok", rec("b", "ok")),
                new StoredRecord(3, "a", "ok", rec("a", "ok")),
                new StoredRecord(4, "a", "failed", rec("a", "failed")));
        List<StoredRecord> latest = ResultsStore.latestByKey(rs);
        assertEquals(2, latest.size());
        assertEquals(3, latest.get(0).line(), "a finished record is not replaced by a later failure");
    }
}
