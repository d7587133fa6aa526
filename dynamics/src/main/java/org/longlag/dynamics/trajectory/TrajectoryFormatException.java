package org.longlag.dynamics.trajectory;

import java.io.IOException;

/**
 * A trajectory file whose content is not a valid trajectory. The message names the file and, where
 * it applies, the 1-based line and column of the problem.
 */
public final class TrajectoryFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source file name or other description of the input
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param column 1-based column number, or 0 when the problem is not in one column
     * @param detail what is wrong
     */
    public TrajectoryFormatException(String source, int line, int column, String detail) {
        super(format(source, line, column, detail));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String format(String source, int line, int column, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column > 0) {
            sb.append(line > 0 ? ", column " : " column ").append(column);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** Where the input came from. */
    public String source() {
        return source;
    }

    /** 1-based line number, or 0. */
    public int line() {
        return line;
    }

    /** 1-based column number, or 0. */
    public int column() {
        return column;
    }
}
