package org.longlag.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.memory.AdditionTask;

/**
 * Training-step throughput (forward + BPTT + Adam) and forward throughput of any registered model
 * kind, on the work of {@code bench/python/cell_bench.py}: the addition task's inputs (width 2), a
 * linear readout of the last step, MSE, Adam 1e-3, float32, one fixed batch, one training thread.
 * Rates are per wall second and per CPU second of the process (steadier on a shared machine); the
 * line format matches the PyTorch script's, which {@code bench/cells-vs-torch} pairs it with.
 *
 * <p>Run: {@code bench/run CellThroughput --cell lstm,ntm [--hidden 64,256] [--batch 16,32] [--lengths 100]
 * [--seconds 5] [--option name=value,...]} (options are the kind's, e.g. {@code memory-rows=128}).
 */
public final class CellThroughput {

    /** The process's CPU time, JIT and GC threads included, as the PyTorch script counts its own. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        String[] cells = a.getString("cell", "lstm").split(",");
        int[] hidden = a.getInts("hidden", new int[] {64, 256});
        int[] batches = a.getInts("batch", new int[] {16, 32});
        int[] lengths = a.getInts("lengths", new int[] {100});
        double seconds = a.getDouble("seconds", 5);
        String options = a.getString("option", "");
        a.requireAllUsed();
        ModelCatalog catalog = ModelCatalog.discover();
        for (String cell : cells) {
            for (int h : hidden) {
                for (int b : batches) {
                    for (int t : lengths) {
                        Map<String, Object> given = new LinkedHashMap<>(parseOptions(options, catalog, cell));
                        given.put("hidden", h);
                        ModelSpec spec = catalog.build(cell, new TaskShape(2, 1, t), given);
                        FixedBatch data = new FixedBatch(AdditionTask.of(t), b, 7);
                        double[] train = train(spec, data, b, seconds);
                        double[] fwd = forward(spec, data, seconds);
                        System.out.printf(Locale.ROOT, "longlag cell=%s threads=1 H=%d B=%d T=%d: train %.1f seq/s (%.1f seq/cpu-s), forward %.1f seq/s (%.1f seq/cpu-s)%n",
                                cell, h, b, t, train[0], train[1], fwd[0], fwd[1]);
                    }
                }
            }
        }
    }

    /** The options of {@code --option a=1,b=2} that the kind has (a suite of cells shares one list). */
    private static Map<String, Object> parseOptions(String options, ModelCatalog catalog, String cell) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options.isBlank()) return out;
        for (String kv : options.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) throw new IllegalArgumentException("--option expects name=value, got '" + kv + "'");
            if (catalog.options(cell).stream().anyMatch(o -> o.name().equals(p[0]))) out.put(p[0], p[1]);
        }
        return out;
    }

    /** {wall, cpu} sequences per second of training, after a warm-up, over runs growing to {@code seconds}. */
    private static double[] train(ModelSpec spec, FixedBatch data, int batch, double seconds) {
        SequenceModel model = SequenceModel.create(spec, 1);
        TrainingConfig cfg = new TrainingConfig(3, batch, Optimizer.adam(1e-3), 0, 1, 1, 0);
        try (Trainer tr = new Trainer(model, cfg)) {
            tr.fit(data);
        }
        int steps = 2;
        while (true) {
            long wall = System.nanoTime(), cpu = OS.getProcessCpuTime();
            try (Trainer tr = new Trainer(model, cfg.withSteps(steps))) {
                tr.fit(data);
            }
            double w = (System.nanoTime() - wall) / 1e9, c = (OS.getProcessCpuTime() - cpu) / 1e9;
            if (w >= seconds || steps > 1_000_000) return new double[] {steps * (double) batch / w, steps * (double) batch / Math.max(c, 1e-9)};
            steps = (int) Math.max(steps * 2, Math.min(steps * seconds / Math.max(w, 1e-3), steps * 64.0));
        }
    }

    /** {wall, cpu} sequences per second of the forward pass alone. */
    private static double[] forward(ModelSpec spec, FixedBatch data, double seconds) {
        SequenceModel model = SequenceModel.create(spec, 1);
        for (int i = 0; i < 3; i++) model.output(data.batch().getFeatures());
        int n = 0;
        long wall = System.nanoTime(), cpu = OS.getProcessCpuTime();
        while (System.nanoTime() - wall < seconds * 1e9 || n < 3) {
            model.output(data.batch().getFeatures());
            n++;
        }
        double w = (System.nanoTime() - wall) / 1e9, c = (OS.getProcessCpuTime() - cpu) / 1e9;
        int b = data.batch().numExamples();
        return new double[] {n * (double) b / w, n * (double) b / Math.max(c, 1e-9)};
    }
}
