package org.longlag.dynamics.trajectory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.longlag.dynamics.internal.Checks;
import org.longlag.dynamics.internal.Series;

/**
 * Reads and writes trajectories as CSV: one row per time step, one comma-separated column per
 * dimension, UTF-8, optionally a header row of column names.
 *
 * <p>Reading: a first row in which no cell is a number is a header; blank lines are skipped; cells
 * are trimmed. Rejected, with the line and column named: NaN or infinite values (also Python's
 * {@code nan}/{@code inf}), ragged rows, non-numeric or empty cells, a first row mixing names and
 * numbers, an empty file, fewer rows than required, and a file that is not UTF-8 text (a binary file). The result has dt = 1 (rows carry no time);
 * use {@link Trajectory#of(double[][], double)} to attach a known step.
 *
 * <p>Writing is atomic: the data go to a temporary file in the target's directory, which is then
 * moved over the target, so a failure never leaves a half-written file. Numbers are written with
 * {@link Double#toString(double)}, which round-trips exactly.
 */
public final class TrajectoryCsv {

    /** Rows a trajectory must have unless the caller asks otherwise. */
    public static final int DEFAULT_MIN_ROWS = 2;

    private static final Set<String> NON_FINITE_SPELLINGS = Set.of(
            "nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

    private TrajectoryCsv() {
    }

    /** Reads a file with at least {@link #DEFAULT_MIN_ROWS} data rows. */
    public static Trajectory read(Path path) throws IOException {
        return read(path, DEFAULT_MIN_ROWS);
    }

    /** Reads a file with at least {@code minRows} data rows. */
    public static Trajectory read(Path path, int minRows) throws IOException {
        if (Files.isDirectory(path)) {
            throw new TrajectoryFormatException(path.toString(), 0, 0, "is a directory, not a CSV file");
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString(), minRows);
        } catch (java.nio.charset.CharacterCodingException e) {
            // the decoder's own message is "Input length = 1"
            throw new TrajectoryFormatException(path.toString(), 0, 0, "not UTF-8 text (a binary file?): a CSV trajectory is text");
        }
    }

    /** Parses CSV text (for tests and in-memory data); {@code source} names it in errors. */
    public static Trajectory parse(String text, String source, int minRows) throws IOException {
        return read(new StringReader(text), source, minRows);
    }

    /**
     * Reads CSV from a reader (not closed).
     *
     * @param source  how the input is called in error messages
     * @param minRows minimal number of data rows, &gt;= 1
     */
    public static Trajectory read(Reader reader, String source, int minRows) throws IOException {
        Checks.atLeast("minRows", minRows, 1);
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> header = List.of();
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte-order mark written by some spreadsheet programs
            }
            if (line.indexOf('\0') >= 0) {
                throw new TrajectoryFormatException(source, lineNo, 0, "holds a NUL byte: not a text file (a binary file?)");
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns < 0) {
                columns = cells.length;
                if (isHeader(cells, source, lineNo)) {
                    header = headerNames(cells, source, lineNo);
                    continue;
                }
            } else if (cells.length != columns) {
                throw new TrajectoryFormatException(source, lineNo, 0, "ragged row: " + cells.length
                        + " columns, expected " + columns + " as in the first row");
            }
            rows.add(parseRow(cells, source, lineNo));
        }
        if (columns < 0) {
            throw new TrajectoryFormatException(source, 0, 0, "empty file: no rows");
        }
        if (rows.size() < minRows) {
            throw new TrajectoryFormatException(source, 0, 0, "series too short: " + rows.size()
                    + " data rows, at least " + minRows + " needed");
        }
        return new Trajectory(rows.toArray(new double[0][]), 1.0, header);
    }

    /** Writes a trajectory, with a header row when it has column names. */
    public static void write(Path path, Trajectory trajectory) throws IOException {
        if (trajectory == null) {
            throw new IllegalArgumentException("trajectory must not be null");
        }
        write(path, trajectory.toArray(), trajectory.columnNames());
    }

    /**
     * Writes rows atomically.
     *
     * @param header column names (written as the first row), or null/empty for no header; names may
     *               not be numbers (they would be read back as data) nor contain commas or line breaks
     * @throws IllegalArgumentException for invalid data or names, before the file is touched
     */
    public static void write(Path path, double[][] rows, List<String> header) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        int dim = Series.requireFinite("rows", rows, 1);
        List<String> names = header == null ? List.of() : header;
        if (!names.isEmpty()) {
            validateHeader(names, dim);
        }

        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (!names.isEmpty()) {
                    w.write(String.join(",", names));
                    w.newLine();
                }
                StringBuilder sb = new StringBuilder();
                for (double[] row : rows) {
                    sb.setLength(0);
                    for (int j = 0; j < dim; j++) {
                        if (j > 0) {
                            sb.append(',');
                        }
                        sb.append(row[j]);
                    }
                    w.write(sb.toString());
                    w.newLine();
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void validateHeader(List<String> names, int dim) {
        if (names.size() != dim) {
            throw new IllegalArgumentException("header has " + names.size() + " names for " + dim + " columns");
        }
        for (int j = 0; j < names.size(); j++) {
            String n = names.get(j);
            if (n == null || n.isBlank() || n.contains(",") || n.contains("\n") || n.contains("\r")) {
                throw new IllegalArgumentException("header name " + (j + 1) + " ('" + n
                        + "') must be non-blank without commas or line breaks");
            }
            if (isNumberLike(n.trim())) {
                throw new IllegalArgumentException("header name " + (j + 1) + " ('" + n
                        + "') looks like a number and would be read back as data");
            }
        }
    }

    private static boolean isHeader(String[] cells, String source, int lineNo) throws TrajectoryFormatException {
        int numeric = 0;
        int firstText = -1;
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j].trim();
            if (isNumberLike(c)) {
                numeric++;
            } else if (firstText < 0 && !c.isEmpty()) {
                firstText = j;
            }
        }
        if (numeric == 0) {
            return true;
        }
        if (firstText >= 0) {
            throw new TrajectoryFormatException(source, lineNo, firstText + 1, "'" + cells[firstText].trim()
                    + "' is not a number (the first row mixes names and numbers, so it is neither a header"
                    + " nor data)");
        }
        return false;
    }

    private static List<String> headerNames(String[] cells, String source, int lineNo)
            throws TrajectoryFormatException {
        List<String> names = new ArrayList<>(cells.length);
        for (int j = 0; j < cells.length; j++) {
            String c = unquote(cells[j].trim());
            if (c.isEmpty()) {
                throw new TrajectoryFormatException(source, lineNo, j + 1, "empty column name in header row");
            }
            names.add(c);
        }
        return names;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static double[] parseRow(String[] cells, String source, int lineNo) throws TrajectoryFormatException {
        double[] row = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j].trim();
            if (c.isEmpty()) {
                throw new TrajectoryFormatException(source, lineNo, j + 1, "empty cell");
            }
            if (NON_FINITE_SPELLINGS.contains(c.toLowerCase(Locale.ROOT))) {
                throw new TrajectoryFormatException(source, lineNo, j + 1, "value '" + c
                        + "' is NaN or infinite; only finite numbers are allowed");
            }
            double v;
            try {
                v = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw new TrajectoryFormatException(source, lineNo, j + 1, "'" + c + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new TrajectoryFormatException(source, lineNo, j + 1, "value '" + c
                        + "' is NaN or infinite; only finite numbers are allowed");
            }
            row[j] = v;
        }
        return row;
    }

    private static boolean isNumberLike(String c) {
        if (NON_FINITE_SPELLINGS.contains(c.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            Double.parseDouble(c);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
