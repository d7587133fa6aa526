package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, for terminal output. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    String render(String indent) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] w = new int[cols];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            b.append(indent);
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]);
                if (i < r.length - 1) b.append(" ".repeat(w[i] - r[i].length() + 2));
            }
            b.append('\n');
            if (k == 0) {
                b.append(indent);
                for (int i = 0; i < cols; i++) b.append("-".repeat(w[i])).append(i < cols - 1 ? "  " : "");
                b.append('\n');
            }
        }
        return b.toString();
    }
}
