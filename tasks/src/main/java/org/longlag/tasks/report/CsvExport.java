package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Every run as one CSV row (RFC 4180 quoting): identity, status, summary, one column per test
 * metric ("metric:NAME"), one per metric of a generalization variant ("generalization:VARIANT:NAME"),
 * and a note (why a run diverged or failed).
 */
final class CsvExport {

    private CsvExport() {
    }

    static String of(List<RunView> runs) {
        List<String> metrics = new ArrayList<>(new LinkedHashSet<>(runs.stream().flatMap(r -> r.metrics().keySet().stream()).toList()));
        StringBuilder b = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("key", "id", "status", "model", "model_kind", "task", "task_kind", "lag", "training", "seed",
                "solved", "error", "chance_error", "primary", "primary_value", "criterion", "steps", "train_seconds", "wall_seconds", "first_solved_step"));
        for (String m : metrics) head.add("metric:" + m);
        List<String> generalization = new ArrayList<>(new LinkedHashSet<>(runs.stream().flatMap(r -> r.generalization().entrySet().stream()
                .flatMap(e -> e.getValue().keySet().stream().map(k -> e.getKey() + ":" + k))).toList()));
        for (String g : generalization) head.add("generalization:" + g);
        head.add("note");
        row(b, head);
        for (RunView r : runs) {
            List<String> v = new ArrayList<>(List.of(r.key(), r.id(), r.status(), r.model(), r.modelKind(), r.task(), r.taskKind(),
                    r.memoryTask() ? String.valueOf(r.lag()) : "", r.training(), String.valueOf(r.seed()),
                    r.scored() ? String.valueOf(r.solved()) : "", num(r.error()), num(r.chanceError()), r.primary(), num(r.primaryValue()),
                    r.criterion(), String.valueOf(r.steps()), num(r.trainSeconds()), num(r.wallSeconds()), String.valueOf(r.firstSolvedStep())));
            for (String m : metrics) {
                Double x = r.metrics().get(m);
                v.add(x == null ? "" : num(x));
            }
            for (String g : generalization) {
                int cut = g.lastIndexOf(':');
                Double x = r.generalization().getOrDefault(g.substring(0, cut), java.util.Map.of()).get(g.substring(cut + 1));
                v.add(x == null ? "" : num(x));
            }
            v.add(r.problem());
            row(b, v);
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.8g", v);
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) b.append('"').append(c.replace("\"", "\"\"")).append('"');
            else b.append(c);
        }
        b.append("\r\n");
    }
}
