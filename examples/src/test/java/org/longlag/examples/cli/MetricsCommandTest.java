package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code longlag metrics}: values on known inputs and one-line errors for bad ones. */
class MetricsCommandTest {

    @TempDir
    Path dir;

    private Path csv(String name, int rows, int cols, double phase) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < rows; t++) {
            for (int j = 0; j < cols; j++) sb.append(j == 0 ? "" : ",").append(Math.sin(0.1 * t + phase + j));
            sb.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void identicalSeriesGiveZeroAndAShiftedAttractorMore() throws Exception {
        Path a = csv("a.csv", 2000, 2, 0);
        Cli same = Cli.run("metrics", "--true", a.toString(), "--generated", a.toString());
        assertEquals(0, same.exitCode, same.toString());
        assertEquals(0.0, same.value("D_stsp ="), 1e-9);
        assertEquals(0.0, same.value("D_H    ="), 1e-12);
        StringBuilder shifted = new StringBuilder();
        for (int t = 0; t < 2000; t++) shifted.append(2 + Math.sin(0.1 * t)).append(',').append(Math.sin(0.1 * t + 1)).append('\n');
        Path b = dir.resolve("shifted.csv");
        Files.writeString(b, shifted.toString());
        Cli moved = Cli.run("metrics", "--true", a.toString(), "--generated", b.toString());
        assertEquals(0, moved.exitCode, moved.toString());
        assertTrue(moved.value("D_stsp =") > 1, moved.out);
    }

    @Test
    void mismatchedDimensionsAreAOneLineError() throws Exception {
        assertError(Cli.run("metrics", "--true", csv("a.csv", 100, 3, 0).toString(), "--generated", csv("b.csv", 100, 2, 0).toString()),
                "dimension mismatch");
    }

    @Test
    void nanRowsAreNamedByLine() throws Exception {
        Path bad = dir.resolve("nan.csv");
        Files.writeString(bad, "x,y\n1,2\n3,NaN\n4,5\n6,7\n");
        Cli r = Cli.run("metrics", "--true", csv("a.csv", 100, 2, 0).toString(), "--generated", bad.toString());
        assertError(r, "line 3");
        assertTrue(r.err.contains("--generated"), r.err);
    }

    @Test
    void tooShortSeriesAreRefused() throws Exception {
        assertError(Cli.run("metrics", "--true", csv("short.csv", 3, 2, 0).toString(), "--generated", csv("b.csv", 100, 2, 0).toString()),
                "too short");
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Cli r = Cli.run("metrics", "--true", dir.resolve("nope.csv").toString(), "--generated", csv("b.csv", 100, 2, 0).toString());
        assertError(r, "no such file");
        assertTrue(r.err.contains("nope.csv"), r.err);
    }

    static void assertError(Cli r, String text) {
        assertTrue(r.exitCode != 0, "non-zero exit expected: " + r);
        assertTrue(r.err.contains(text), "error should mention '" + text + "': " + r);
        assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
        assertTrue(r.err.startsWith("longlag: "), r.err);
    }
}
