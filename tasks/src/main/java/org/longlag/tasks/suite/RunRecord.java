package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.JsonFiles;

/**
 * The record a suite stores for one run (format "longlag-run/1"): identity and labels at the top
 * level, a flat "summary" for tables, the test "metrics" exactly as the task scored them (so a
 * new task's metrics reach the report without code changes), the metrics of the task's
 * "generalization" variants (e.g. copy at longer lengths) when it has any, the resolved "config" the key was
 * computed from, the "gradient-norms" curves, any "artifacts" (files beside the store), and the
 * full experiment "result".
 */
public final class RunRecord {

    public static final String FORMAT = "longlag-run/1";
    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    private static final ObjectMapper MAPPER = JsonFiles.mapper();

    private RunRecord() {
    }

    /** A record for a run that trained (status ok, or diverged if training hit a NaN/Inf). */
    public static ObjectNode finished(Suite suite, SuiteRun run, ExperimentResult r, GradientNormProbe.Curve initial,
                                      GradientNormProbe.Curve trained, Map<String, String> artifacts, Instant started, Instant finished) {
        return finished(suite.name(), suite.budget().name(), run, r, initial, trained, artifacts, started, finished);
    }

    /**
     * As {@link #finished(Suite, SuiteRun, ExperimentResult, GradientNormProbe.Curve, GradientNormProbe.Curve, Map, Instant, Instant)},
     * given the suite's name and budget (what a worker that has only the run knows). A run that went on
     * from a checkpoint says from where ("resumed-from": the update and sequences it started at).
     */
    public static ObjectNode finished(String suite, String budget, SuiteRun run, ExperimentResult r, GradientNormProbe.Curve initial,
                                      GradientNormProbe.Curve trained, Map<String, String> artifacts, Instant started, Instant finished) {
        ObjectNode n = head(suite, budget, run, r.diverged().isEmpty() ? OK : DIVERGED, started, finished);
        TaskScore t = r.test();
        ObjectNode s = n.putObject("summary");
        s.put("solved", t.solved());
        s.put("error", t.error());
        s.put("chance-error", t.chanceError());
        s.put("error-to-chance", t.errorRatioToChance());
        s.put("primary", t.primary());
        s.put("primary-value", t.primaryValue());
        s.put("criterion", t.criterion());
        s.put("steps", r.steps());
        s.put("sequences", r.sequences());
        s.put("train-seconds", r.seconds());
        s.put("first-solved-step", r.firstSolvedStep());
        s.put("stop-reason", r.stopReason());
        s.put("parameters", r.parameterCount());
        s.put("threads", run.experiment().training().threads());
        ObjectNode m = n.putObject("metrics");
        t.metrics().forEach(m::put);
        if (r.generalization() != null && !r.generalization().isEmpty()) {
            ObjectNode gen = n.putObject("generalization");
            r.generalization().forEach((name, score) -> {
                ObjectNode x = gen.putObject(name);
                score.metrics().forEach(x::put);
                x.put("solved", score.solved());
            });
        }
        n.set("config", MAPPER.valueToTree(run.resolved()));
        if (initial != null || trained != null) {
            ObjectNode g = n.putObject("gradient-norms");
            g.put("samples", run.gradientNorms().samples());
            g.put("precision", run.gradientNorms().precision());
            GradientNormProbe.Curve c = initial != null ? initial : trained;
            ArrayNode lags = g.putArray("lags");
            for (int k : c.lags()) lags.add(k);
            if (initial != null) putAll(g.putArray("initial"), initial.norms());
            if (trained != null) putAll(g.putArray("trained"), trained.norms());
        }
        ObjectNode a = n.putObject("artifacts");
        artifacts.forEach(a::put);
        n.put("diverged", r.diverged());
        if (r.resumedFrom() == null) n.putNull("resumed-from");
        else {
            ObjectNode from = n.putObject("resumed-from");
            from.put("step", r.resumedFrom().step());
            from.put("sequences", r.resumedFrom().sequences());
            from.put("optimizer-restarted", r.resumedFrom().optimizerRestarted());
        }
        n.set("result", MAPPER.valueToTree(r));
        return n;
    }

    /** A record for a run that could not run to the end for a reason other than divergence (retried on resume). */
    public static ObjectNode failed(Suite suite, SuiteRun run, Throwable error, Instant started, Instant finished) {
        return failed(suite.name(), suite.budget().name(), run, error, started, finished);
    }

    /** As {@link #failed(Suite, SuiteRun, Throwable, Instant, Instant)}, given the suite's name and budget. */
    public static ObjectNode failed(String suite, String budget, SuiteRun run, Throwable error, Instant started, Instant finished) {
        ObjectNode n = head(suite, budget, run, FAILED, started, finished);
        n.set("config", MAPPER.valueToTree(run.resolved()));
        n.put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        ArrayNode trace = n.putArray("trace");
        StackTraceElement[] st = error.getStackTrace();
        for (int i = 0; i < Math.min(12, st.length); i++) trace.add(st[i].toString());
        return n;
    }

    private static ObjectNode head(String suite, String budget, SuiteRun run, String status, Instant started, Instant finished) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("key", run.key());
        n.put("id", run.id());
        n.put("status", status);
        n.put("model", run.modelLabel());
        n.put("model-kind", run.experiment().model());
        n.put("task", run.taskLabel());
        n.put("task-kind", run.experiment().task());
        n.put("memory-task", run.memoryTask());
        if (run.memoryTask()) n.put("lag", run.lag());
        else n.putNull("lag");
        n.put("training", run.trainingLabel());
        n.put("seed", run.seed());
        n.put("suite", suite);
        n.put("budget", budget);
        n.put("started", started.toString());
        n.put("finished", finished.toString());
        n.put("wall-seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        return n;
    }

    private static void putAll(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) a.add(v);
            else a.add(Double.toString(v));
        }
    }

    /** A numeric field that may have been written as "NaN"/"Infinity" text: NaN when missing. */
    public static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return Double.NaN;
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
