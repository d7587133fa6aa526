package org.longlag.tasks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.longlag.tasks.suite.RunRecord;
import org.longlag.tasks.suite.StoredRecord;

/**
 * The fields of a stored run record that reports use. Metrics are kept by name as the task wrote
 * them, so a task's new metrics (e.g. a reconstruction task's D_stsp and D_H) reach the report
 * without changes here.
 */
public record RunView(String key, String id, String status, String model, String modelKind, String task, String taskKind,
                      boolean memoryTask, int lag, String training, long seed, boolean solved, double error, double chanceError,
                      String primary, double primaryValue, String criterion, int steps, double trainSeconds, double wallSeconds,
                      int firstSolvedStep, Map<String, Double> metrics, int[] gradientLags, double[] gradientInitial,
                      double[] gradientTrained, Map<String, Map<String, Double>> generalization, Map<String, String> artifacts,
                      String problem, JsonNode node) {

    public static RunView of(StoredRecord r) {
        JsonNode n = r.node();
        JsonNode s = n.path("summary");
        Map<String, Double> metrics = new LinkedHashMap<>();
        n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), RunRecord.number(e.getValue())));
        Map<String, String> artifacts = new LinkedHashMap<>();
        n.path("artifacts").fields().forEachRemaining(e -> artifacts.put(e.getKey(), e.getValue().asText()));
        Map<String, Map<String, Double>> generalization = new LinkedHashMap<>();
        n.path("generalization").fields().forEachRemaining(e -> {
            Map<String, Double> v = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(x -> {
                if (!x.getValue().isBoolean()) v.put(x.getKey(), RunRecord.number(x.getValue()));
            });
            generalization.put(e.getKey(), Collections.unmodifiableMap(v));
        });
        JsonNode g = n.path("gradient-norms");
        String problem = n.path("status").asText().equals(RunRecord.FAILED) ? n.path("error").asText() : n.path("diverged").asText("");
        return new RunView(r.key(), n.path("id").asText(), r.status(), n.path("model").asText(), n.path("model-kind").asText(),
                n.path("task").asText(), n.path("task-kind").asText(), n.path("memory-task").asBoolean(), n.path("lag").asInt(0),
                n.path("training").asText(""), n.path("seed").asLong(), s.path("solved").asBoolean(false), RunRecord.number(s.get("error")),
                RunRecord.number(s.get("chance-error")), s.path("primary").asText(""), RunRecord.number(s.get("primary-value")),
                s.path("criterion").asText(""), s.path("steps").asInt(0), RunRecord.number(s.get("train-seconds")),
                RunRecord.number(n.get("wall-seconds")), s.path("first-solved-step").asInt(-1), Collections.unmodifiableMap(metrics),
                ints(g.path("lags")), doubles(g.path("initial")), doubles(g.path("trained")), Collections.unmodifiableMap(generalization),
                Collections.unmodifiableMap(artifacts), problem, n);
    }

    /** The model as reports group it: its label, plus the training label when the suite has several. */
    public String group() {
        return training.isEmpty() ? model : model + " [" + training + "]";
    }

    /**
     * Whether lower values of the primary metric are better, read from the task's criterion
     * ("bits_per_sequence <= 0.1" yes, "fraction_correct >= 0.9" no).
     */
    public boolean primaryLowerIsBetter() {
        return criterion.contains("<");
    }

    /** A run that produced a test score (trained to the end, stopped early, or diverged and scored with its last good parameters). */
    public boolean scored() {
        return RunRecord.OK.equals(status) || RunRecord.DIVERGED.equals(status);
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.isArray() ? a.size() : 0];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.isArray() ? a.size() : 0];
        for (int i = 0; i < out.length; i++) out[i] = RunRecord.number(a.get(i));
        return out;
    }
}
