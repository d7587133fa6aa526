package org.longlag.tasks.suite;

import java.util.List;

/**
 * A suite file or suite definition that cannot be run. The message lists every problem found, one
 * per line, each naming the file and line (when known), the key and the bad value.
 */
public final class SuiteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SuiteException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public SuiteException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a SuiteException needs at least one problem");
        if (problems.size() == 1) return problems.get(0);
        return problems.size() + " problems in the suite:\n  " + String.join("\n  ", problems);
    }
}
