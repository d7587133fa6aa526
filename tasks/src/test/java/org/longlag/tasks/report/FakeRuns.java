package org.longlag.tasks.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.suite.RunRecord;
import org.longlag.tasks.suite.StoredRecord;

/**
 * Hand-made run records for report tests: the report's arithmetic and drawing are checked on
 * numbers chosen here, independent of any training run. (Reconstruction records stand in for the
 * DSR task's until it lands; they carry the metric names and trajectory files the report reads.)
 */
final class FakeRuns {

    private FakeRuns() {
    }

    static StoredRecord memory(String model, String task, int lag, long seed, boolean solved, double error) {
        ObjectNode n = head(model, task, true, lag, seed, RunRecord.OK);
        ObjectNode s = n.putObject("summary");
        s.put("solved", solved);
        s.put("error", error);
        s.put("chance-error", 0.167);
        s.put("primary", "fraction_correct");
        s.put("primary-value", solved ? 0.95 : 0.1);
        s.put("criterion", "fraction_correct >= 0.9");
        s.put("steps", 100);
        s.put("train-seconds", 1.5);
        s.put("first-solved-step", solved ? 50 : -1);
        ObjectNode m = n.putObject("metrics");
        m.put("error", error);
        m.put("mse", error);
        m.put("fraction_correct", solved ? 0.95 : 0.1);
        ObjectNode g = n.putObject("gradient-norms");
        g.putArray("lags").add(0).add(1).add(3).add(lag - 1);
        g.putArray("initial").add(1.0).add(0.5).add(0.1).add(1e-6 * seed);
        g.putArray("trained").add(2.0).add(1.5).add(1.0).add(0.3);
        return new StoredRecord(0, n.get("key").asText(), RunRecord.OK, n);
    }

    static StoredRecord diverged(String model, String task, int lag, long seed) {
        StoredRecord r = memory(model, task, lag, seed, false, 5.0);
        ((ObjectNode) r.node()).put("status", RunRecord.DIVERGED).put("diverged", "training stopped at step 7: the loss is NaN");
        return new StoredRecord(0, r.key(), RunRecord.DIVERGED, r.node());
    }

    /** A reconstruction run with D_stsp and D_H, and trajectory files written under {@code dir}. */
    static StoredRecord reconstruction(Path dir, String model, long seed, double dstsp, double dh, double distortion) throws IOException {
        ObjectNode n = head(model, "lorenz63", false, 0, seed, RunRecord.OK);
        ObjectNode s = n.putObject("summary");
        s.put("solved", false);
        s.put("error", dstsp);
        s.put("chance-error", 10.0);
        s.put("primary", "dstsp");
        s.put("primary-value", dstsp);
        s.put("criterion", "none");
        ObjectNode m = n.putObject("metrics");
        m.put("error", dstsp);
        m.put("dstsp", dstsp);
        m.put("dh", dh);
        String base = "artifacts/" + n.get("key").asText() + "/";
        TrajectoryCsv.write(dir.resolve(base + "true.csv"), lorenz(4000, 0), List.of("x", "y", "z"));
        TrajectoryCsv.write(dir.resolve(base + "generated.csv"), lorenz(4000, distortion), List.of("x", "y", "z"));
        ObjectNode a = n.putObject("artifacts");
        a.put("true-trajectory", base + "true.csv");
        a.put("generated-trajectory", base + "generated.csv");
        return new StoredRecord(0, n.get("key").asText(), RunRecord.OK, n);
    }

    private static ObjectNode head(String model, String task, boolean memory, int lag, long seed, String status) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        String id = model + "/" + task + (memory ? "/lag=" + lag : "") + "/seed=" + seed;
        n.put("format", RunRecord.FORMAT);
        n.put("key", Integer.toHexString(id.hashCode()));
        n.put("id", id);
        n.put("status", status);
        n.put("model", model);
        n.put("model-kind", model);
        n.put("task", task);
        n.put("task-kind", task);
        n.put("memory-task", memory);
        if (memory) n.put("lag", lag);
        n.put("training", "");
        n.put("seed", seed);
        n.put("suite", "fake");
        n.put("budget", "quick");
        n.put("wall-seconds", 2.0);
        n.set("config", JsonFiles.mapper().valueToTree(Map.of("model", model)));
        return n;
    }

    /** Lorenz-63 by small Euler steps; {@code distortion} scales rho away from 28, changing the attractor. */
    static double[][] lorenz(int n, double distortion) {
        double x = 1, y = 1, z = 20, dt = 0.005, rho = 28 * (1 + distortion);
        double[][] out = new double[n][];
        for (int i = 0; i < 2000 + n * 2; i++) {
            double dx = 10 * (y - x), dy = x * (rho - z) - y, dz = x * y - 8.0 / 3 * z;
            x += dt * dx;
            y += dt * dy;
            z += dt * dz;
            if (i >= 2000 && (i - 2000) % 2 == 0) out[(i - 2000) / 2] = new double[] {x, y, z};
        }
        return out;
    }
}
