package org.longlag.tasks.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run directory, and an earlier run's files are never overwritten unless forced. */
class RunDirectoryTest {

    @Test
    void aFreshDirectoryIsCreatedAndAnEmptyOneIsTaken(@TempDir Path dir) throws Exception {
        try (RunDirectory d = RunDirectory.claim(dir.resolve("a/b"), "--out", false, List.of())) {
            assertTrue(Files.isDirectory(d.dir()));
        }
        try (RunDirectory d = RunDirectory.claim(dir.resolve("a/b"), "--out", false, List.of())) {
            assertTrue(Files.exists(d.dir().resolve(RunDirectory.LOCK)), "only the lock file is there: still empty");
        }
    }

    @Test
    void anEarlierRunIsRefusedAndKeptUnlessForced(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("result.json"), "{}");
        Files.writeString(run.resolve("notes.txt"), "mine");
        Path ckpt = Files.createDirectories(run.resolve("checkpoint"));
        Files.writeString(ckpt.resolve("model.longlag"), "m");
        var e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(run, "--out", false, List.of()));
        assertTrue(e.getMessage().contains("is not empty (it holds checkpoint, notes.txt, result.json)") && e.getMessage().contains("--force"), e.getMessage());
        assertFalse(Files.exists(run.resolve(RunDirectory.LOCK)), "a refused claim creates nothing");
        assertEquals("{}", Files.readString(run.resolve("result.json")));
        try (RunDirectory d = RunDirectory.claim(run, "--out", true, List.of())) {
            assertFalse(Files.exists(run.resolve("result.json")));
            assertFalse(Files.exists(ckpt));
            assertEquals("mine", Files.readString(run.resolve("notes.txt")), "what a run does not write stays");
        }
    }

    @Test
    void forceNeverRemovesWhatTheCommandReads(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path ckpt = Files.createDirectories(run.resolve("checkpoint"));
        Files.writeString(ckpt.resolve("result.json"), "{}");
        var e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(run, "--out", true, List.of(ckpt)));
        assertTrue(e.getMessage().contains("which this command reads"), e.getMessage());
        assertTrue(Files.exists(ckpt.resolve("result.json")));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheDirectory(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        try (RunDirectory first = RunDirectory.claim(run, "--out", false, List.of())) {
            var e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(run, "--out", false, List.of()));
            assertTrue(e.getMessage().contains("another longlag command is writing into"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(run, "--out", true, List.of()));
            assertTrue(e.getMessage().contains("another longlag command is writing into"), "--force does not break a lock: " + e.getMessage());
        }
        RunDirectory.claim(run, "--out", false, List.of()).close(); // released
    }

    @Test
    void aFileIsNoDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        var e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.claim(file, "--out", true, List.of()));
        assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
        assertEquals("x", Files.readString(file));
    }
}
