package org.longlag.bench;

import java.util.Locale;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.kinds.PlrnnFamily;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingDivergedException;
import org.longlag.tasks.memory.AdditionTask;

/**
 * PLRNN training throughput: forward + BPTT + Adam on the addition task (reg-PLRNN protocol), float32,
 * z_t = A z + W relu(z) + h + C s_t (A diagonal, W off-diagonal), readout B z_T, learned z0, MSE at
 * the last step. The same work as {@code bench/plrnn_torch_bench.py}; run both in one session and
 * compare the ratios (the machine is noisy).
 *
 * <p>Run: {@code bench/run PlrnnThroughput [--hidden 40,64,128,256] [--batch 32,500] [--lengths 100,500]
 * [--threads 1,2] [--seconds 6] [--reg-fraction 0]} (a positive reg-fraction benchmarks the rPLRNN
 * with tau_A = tau_W = 5: the regularizer is once per batch and costs nothing measurable).
 * Prints one line per configuration: {@code longlag threads=N M=.. B=.. T=..: train X seq/s, Y seq/cpu-s}, where
 * Y counts CPU time of the process instead of wall time: on a shared machine it is the steadier number
 * (waiting for a core is not counted; {@code plrnn_torch_bench.py} reports the same).
 */
public final class PlrnnThroughput {

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.parse(args);
        int[] hiddens = a.getInts("hidden", new int[] {40, 64, 128, 256});
        int[] batches = a.getInts("batch", new int[] {32});
        int[] lengths = a.getInts("lengths", new int[] {100, 500});
        int[] threadCounts = a.getInts("threads", new int[] {1, 2});
        double seconds = a.getDouble("seconds", 6);
        double fraction = a.getDouble("reg-fraction", 0);
        System.out.printf(Locale.ROOT, "PLRNN training throughput (fwd + BPTT + Adam, addition, float32), OMP_NUM_THREADS=%s, reg-fraction=%s%n",
                System.getenv("OMP_NUM_THREADS"), fraction);
        for (int threads : threadCounts) {
            for (int b : batches) {
                for (int t : lengths) {
                    FixedBatch data = new FixedBatch(AdditionTask.of(t), b, 7);
                    for (int m : hiddens) {
                        double[] r = measure(data, m, b, threads, seconds, fraction);
                        System.out.printf(Locale.ROOT, "longlag threads=%d M=%d B=%d T=%d: train %.1f seq/s, %.1f seq/cpu-s%n", threads, m, b, t, r[0], r[1]);
                    }
                }
            }
        }
    }

    /**
     * Sequences per wall-clock second and per CPU second of the process. Training the one batch over
     * and over can diverge (the plain PLRNN at T = 500 and B = 32 reaches a NaN gradient after a few
     * hundred updates): then the steps done so far count, and training goes on from a fresh model.
     * (PyTorch's loop has no such check and goes on computing with NaN, at the same cost per step.)
     */
    static double[] measure(FixedBatch data, int m, int batch, int threads, double seconds, double fraction) {
        int p = PlrnnCell.unitsFor(m, fraction);
        PlrnnCell cell = p == 0 ? PlrnnCell.plain(2, m) : PlrnnCell.regularized(2, m, p, 5, 5);
        SequenceModel[] model = {SequenceModel.create(PlrnnFamily.spec(cell, 1), 1)};
        TrainingConfig cfg = new TrainingConfig(3, batch, Optimizer.adam(1e-3), 0, threads, 1, 0);
        train(model, cell, cfg, data); // warm-up
        int steps = 2;
        while (true) {
            long start = System.nanoTime(), cpuStart = processCpuNanos();
            int done = train(model, cell, cfg.withSteps(steps), data);
            double s = (System.nanoTime() - start) / 1e9, cpu = (processCpuNanos() - cpuStart) / 1e9;
            if (s >= seconds || steps > 1_000_000) return new double[] {done * (double) batch / s, done * (double) batch / cpu};
            steps = (int) Math.max(steps * 2, Math.min(steps * seconds / Math.max(s, 1e-3), steps * 64.0));
        }
    }

    /** Trains model[0] for cfg's steps; returns the steps done, replacing model[0] by a fresh one if it diverged. */
    private static int train(SequenceModel[] model, PlrnnCell cell, TrainingConfig cfg, FixedBatch data) {
        try (Trainer tr = new Trainer(model[0], cfg)) {
            tr.fit(data);
            return cfg.steps();
        } catch (TrainingDivergedException e) {
            model[0] = SequenceModel.create(PlrnnFamily.spec(cell, 1), 1);
            return e.step(); // its forward and backward were done; the check refused its update
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
