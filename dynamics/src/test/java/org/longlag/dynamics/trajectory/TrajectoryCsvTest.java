package org.longlag.dynamics.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryCsvTest {

    @TempDir
    Path dir;

    private static final double[][] DATA = {
        {1.0, -2.5, 3.141592653589793},
        {1e-300, 12345.678901234567, -0.1},
        {0.0, 2.0 / 3.0, 7e22},
    };

    @Test
    void roundTripIsExactWithAndWithoutHeader() throws IOException {
        Path a = dir.resolve("a.csv");
        TrajectoryCsv.write(a, DATA, null);
        Trajectory read = TrajectoryCsv.read(a);
        assertArrayEquals(DATA, read.toArray());
        assertEquals(List.of(), read.columnNames());

        Path b = dir.resolve("b.csv");
        TrajectoryCsv.write(b, new Trajectory(DATA, 0.01, List.of("x", "y", "z")));
        Trajectory withHeader = TrajectoryCsv.read(b);
        assertArrayEquals(DATA, withHeader.toArray());
        assertEquals(List.of("x", "y", "z"), withHeader.columnNames());
        assertEquals("x,y,z", Files.readAllLines(b).get(0));
    }

    @Test
    void readsCommonVariants() throws IOException {
        Trajectory t = TrajectoryCsv.parse("\uFEFF\"V\", n ,h\r\n-60.5, 0.1 ,0.02\r\n\r\n-59,0.2,0.03\r\n", "mem", 2);
        assertEquals(List.of("V", "n", "h"), t.columnNames());
        assertArrayEquals(new double[] {-60.5, 0.1, 0.02}, t.row(0));
        assertEquals(2, t.length());
    }

    @Test
    void nanAndInfinityAreRejectedWithLineAndColumn() {
        assertError("1,2\n3,NaN\n", 2, 2, "NaN or infinite");
        assertError("1,2\n3,nan\n", 2, 2, "NaN or infinite");
        assertError("x,y\n1,2\n-inf,4\n", 3, 1, "NaN or infinite");
        assertError("1,2\n3,Infinity\n", 2, 2, "NaN or infinite");
        assertError("1,2\n3,1e999\n", 2, 2, "NaN or infinite");
    }

    @Test
    void raggedRowsAreRejected() {
        assertError("1,2,3\n4,5\n", 2, 0, "ragged row: 2 columns, expected 3");
    }

    @Test
    void nonNumericAndEmptyCellsAreRejected() {
        assertError("1,2\n3,abc\n", 2, 2, "'abc' is not a number");
        assertError("1,2\n3,\n", 2, 2, "empty cell");
        assertError("x,1.5\n1,2\n", 1, 1, "mixes names and numbers");
    }

    @Test
    void emptyAndShortFilesAreRejected() {
        assertError("", 0, 0, "empty file");
        assertError("\n  \n", 0, 0, "empty file");
        assertError("x,y\n", 0, 0, "series too short: 0 data rows");
        assertError("x,y\n1,2\n", 0, 0, "series too short: 1 data rows, at least 2");
    }

    private static void assertError(String csv, int line, int column, String detail) {
        TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class,
                () -> TrajectoryCsv.parse(csv, "test.csv", TrajectoryCsv.DEFAULT_MIN_ROWS));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.csv"), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        if (line > 0) {
            assertTrue(e.getMessage().contains("line " + line), e.getMessage());
        }
        if (column > 0) {
            assertTrue(e.getMessage().contains("column " + column), e.getMessage());
        }
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keep.csv");
        TrajectoryCsv.write(target, DATA, List.of("x", "y", "z"));
        byte[] before = Files.readAllBytes(target);

        double[][] bad = {{1, 2, 3}, {4, Double.NaN, 6}};
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCsv.write(target, bad, null));
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCsv.write(target, DATA, List.of("x", "1.5", "z")));
        assertArrayEquals(before, Files.readAllBytes(target));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writeReplacesAnExistingFileAndCreatesDirectories() throws IOException {
        Path target = dir.resolve("sub/dir/t.csv");
        TrajectoryCsv.write(target, DATA, null);
        double[][] other = {{5, 6}, {7, 8}};
        TrajectoryCsv.write(target, other, null);
        assertArrayEquals(other, TrajectoryCsv.read(target).toArray());
    }

    /** A binary file used to fail with the decoder's "Input length = 1". */
    @Test
    void aBinaryFileIsNamedAsSuch() throws IOException {
        Path bin = dir.resolve("bin.csv");
        Files.write(bin, new byte[] {(byte) 0x7f, 'E', 'L', 'F', (byte) 0xc3, (byte) 0x28, 0, 0, 1, 2});
        TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class, () -> TrajectoryCsv.read(bin));
        assertTrue(e.getMessage().contains("bin.csv") && e.getMessage().contains("not UTF-8 text (a binary file?)"), e.getMessage());
        Path nul = dir.resolve("nul.csv");
        Files.write(nul, new byte[] {'1', ',', '2', '\n', '3', 0, '4', '\n'});
        e = assertThrows(TrajectoryFormatException.class, () -> TrajectoryCsv.read(nul));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("NUL byte"), e.getMessage());
        e = assertThrows(TrajectoryFormatException.class, () -> TrajectoryCsv.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }
}
