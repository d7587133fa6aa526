package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.longlag.tasks.experiment.RunDirectory;

/**
 * The hostile-input table (hostile.tsv beside this class): each probe runs the command line
 * in-process in its own copy of the fixtures and must give its exit code and message fragments;
 * a refused command (exit 2) must leave the tree exactly as it was, a failed or stopped one
 * (1, 3) every existing file as it was. Faults a table cannot stage (a second process, a full
 * disk, an exhausted heap) have tests of their own below.
 */
class HostileInputTest {

    @TempDir
    static Path fixtures;

    @TempDir
    Path sandbox;

    /** Two tiny finished runs, a killed checkpoint save, and trajectory files good and bad. */
    @BeforeAll
    static void makeFixtures() throws Exception {
        String[] train = {"train", "--model", "lstm", "--task", "addition", "--lag", "5", "--hidden", "4", "--steps", "3", "--batch", "8",
            "--eval-every", "0", "--eval-samples", "10", "--test-samples", "10", "--threads", "1", "--checkpoint-every", "2", "--out"};
        for (String name : new String[] {"run", "other"}) {
            Cli r = Cli.run(concat(train, fixtures.resolve(name).toString()));
            assertEquals(0, r.exitCode, r.toString());
        }
        Path killed = Files.createDirectories(fixtures.resolve("killed/checkpoint.new"));
        Files.createFile(killed.resolve("model.longlag3141592.tmp"));
        trajectory("t.csv", 2000, t -> Math.sin(0.1 * t) + "," + Math.cos(0.13 * t));
        trajectory("g.csv", 5000, t -> Math.sin(0.1 * t + 1) + "," + Math.cos(0.17 * t));
        trajectory("c.csv", 2000, t -> "0.5,0.5");
        trajectory("far.csv", 2000, t -> (100 + Math.sin(0.1 * t)) + "," + Math.cos(0.13 * t));
        trajectory("short.csv", 5, t -> Math.sin(0.1 * t) + "," + Math.cos(0.13 * t));
        trajectory("dims3.csv", 2000, t -> Math.sin(0.1 * t) + "," + Math.cos(0.13 * t) + "," + t);
        Files.write(fixtures.resolve("bin.csv"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0, 0});
    }

    private interface Row {
        String at(int t);
    }

    private static void trajectory(String name, int rows, Row row) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < rows; t++) sb.append(row.at(t)).append('\n');
        Files.writeString(fixtures.resolve(name), sb.toString());
    }

    static Stream<Arguments> probes() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("hostile.tsv")) {
            int line = 0;
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line++;
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] f = l.split("\t");
                if (f.length != 3) throw new IllegalStateException("hostile.tsv line " + line + ": 3 tab-separated fields expected, got " + f.length);
                out.add(Arguments.of(line, Integer.parseInt(f[0].trim()), f[1].trim(), f[2].trim()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "line {0}: {3}")
    @MethodSource("probes")
    void probe(int line, int exit, String fragments, String command) throws Exception {
        copy(fixtures, sandbox);
        Map<String, String> before = hashes(sandbox);
        String[] args = command.replace("{dir}", sandbox.toString()).split(" +");
        Cli r = Cli.run(args);
        String all = r.out + r.err;
        assertEquals(exit, r.exitCode, "exit code of line " + line + ": " + r);
        for (String f : fragments.split(" && ")) {
            if (f.startsWith("!")) assertTrue(!all.contains(f.substring(1)), "line " + line + " must not say '" + f.substring(1) + "': " + r);
            else assertTrue(all.contains(f), "line " + line + " must say '" + f + "': " + r);
        }
        if (exit == Longlag.USAGE) {
            assertEquals(1, r.err.strip().lines().count(), "a refusal is one line: " + r.err);
            assertTrue(r.err.startsWith("longlag: "), r.err);
            assertEquals(before, hashes(sandbox), "a refused command leaves every file as it was and writes none");
        } else if (exit != Longlag.OK) {
            Map<String, String> after = hashes(sandbox);
            before.forEach((file, hash) -> assertEquals(hash, after.get(file), "a failed command leaves " + file + " as it was"));
        }
    }

    /** Two commands into one directory: the second is refused while the first holds it (the lock of RunDirectory). */
    @Test
    void aSecondWriterIsRefused() throws Exception {
        Path out = sandbox.resolve("busy");
        try (RunDirectory held = RunDirectory.claim(out, "--out", false, List.of())) {
            Cli r = Cli.run("train", "--model", "lstm", "--task", "addition", "--lag", "5", "--hidden", "4", "--steps", "2", "--out", out.toString());
            assertEquals(Longlag.USAGE, r.exitCode, r.toString());
            assertTrue(r.err.contains("another longlag command is writing into"), r.err);
            r = Cli.run("train", "--model", "lstm", "--task", "addition", "--lag", "5", "--hidden", "4", "--steps", "2", "--out", out.toString(), "--force");
            assertEquals(Longlag.USAGE, r.exitCode, "--force does not break a lock: " + r);
        }
        assertEquals(List.of(RunDirectory.LOCK), names(out));
    }

    /** A full disk: the cause of an I/O error is in its one line (it used to say only "could not append to F"). */
    @Test
    void anIoErrorNamesItsCause() {
        String m = Longlag.describe(new UncheckedIOException("could not append to runs/x/runs.jsonl",
                new IOException("No space left on device")));
        assertEquals("could not append to runs/x/runs.jsonl: No space left on device", m);
        String nested = Longlag.describe(new IllegalStateException("save failed", new java.nio.file.FileSystemException("/x", null, "Read-only file system")));
        assertTrue(nested.startsWith("save failed: FileSystemException: /x: Read-only file system"), nested);
    }

    /** An exhausted heap: one line naming the heap, the options to lower and LONGLAG_JAVA_OPTS, exit 1 (it was a stack trace). */
    @Test
    void outOfMemoryIsOneLineNamingWhatToChange() {
        picocli.CommandLine cl = Longlag.commandLine();
        java.util.concurrent.Callable<Integer> exhausting = () -> {
            throw new OutOfMemoryError("Java heap space"); // as a training step that cannot allocate its activations
        };
        cl.addSubcommand("exhaust", new picocli.CommandLine(picocli.CommandLine.Model.CommandSpec.wrapWithoutInspection(exhausting)));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code;
        try {
            code = cl.execute("exhaust");
        } catch (OutOfMemoryError e) {
            fail("the OutOfMemoryError reached the caller: " + e);
            return;
        }
        String line = err.toString().strip();
        assertTrue(line.startsWith("longlag: out of memory") && line.contains("LONGLAG_JAVA_OPTS") && line.contains("--batch"), line);
        assertEquals(1, line.lines().count(), line);
        assertEquals(Longlag.FAILED, code);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
    }

    /** Every file under {@code dir} (relative path) to the SHA-256 of its bytes; directories as "dir". */
    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir" : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
