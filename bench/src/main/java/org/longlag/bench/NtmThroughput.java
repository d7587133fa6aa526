package org.longlag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ShardWorker;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.memory.CopyTask;

/**
 * NTM step cost beside the LSTM's, on the copy task (Graves et al. 2014: 8-bit vectors and a
 * delimiter channel), measured side by side in one run. The models are built by the model catalog
 * exactly as {@code longlag train --model ntm|lstm --task copy} builds them (NTM: N = 128, M = 20,
 * LSTM controller, one read and one write head, shifts -1..1; LSTM: hidden = the controller size).
 *
 * <ol>
 *   <li>Per time step, one thread, batch {@code --step-batch}: forward, and forward + BPTT
 *       (readout and loss included), on one copy batch of fixed length {@code --length} (2L + 1
 *       steps). Wall time and the thread's CPU time; NTM and LSTM alternate in {@code --rounds}
 *       rounds and the median round is reported (the machine is shared).</li>
 *   <li>Training throughput: sequences per second of the trainer (forward, BPTT, Adam) with
 *       {@code --threads} Java threads at batch {@code --batch}, on one fixed copy batch of lengths
 *       1..20 (padded to its longest, as in training), alternating NTM and LSTM.</li>
 * </ol>
 *
 * <p>Run: {@code bench/run NtmThroughput [--hidden 100] [--memory-rows 128] [--memory-width 20]
 * [--step-batch 16] [--length 20] [--batch 32] [--threads N] [--rounds 5] [--seconds 4]}
 */
public final class NtmThroughput {

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.parse(args);
        int hidden = a.getInt("hidden", 100), rows = a.getInt("memory-rows", 128), width = a.getInt("memory-width", 20);
        int stepBatch = a.getInt("step-batch", 16), length = a.getInt("length", 20), batch = a.getInt("batch", 32);
        int threads = a.getInt("threads", Runtime.getRuntime().availableProcessors()), rounds = a.getInt("rounds", 5);
        double seconds = a.getDouble("seconds", 4);
        a.requireAllUsed();

        ModelCatalog catalog = ModelCatalog.discover();
        CopyTask task = CopyTask.graves2014();
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        specs.put("ntm", catalog.build("ntm", task.shape(), Map.of("hidden", hidden, "memory-rows", rows, "memory-width", width)));
        specs.put("lstm", catalog.build("lstm", task.shape(), Map.of("hidden", hidden)));

        System.out.printf(Locale.ROOT, "NTM vs LSTM on the copy task (8 bits + delimiter), float32, OMP_NUM_THREADS=%s, %d cores%n",
                System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "ntm: N=%d M=%d, LSTM controller %d, 1 read + 1 write head, %d parameters; lstm: hidden %d, %d parameters%n",
                rows, width, hidden, SequenceModel.create(specs.get("ntm"), 1).parameterCount(), hidden,
                SequenceModel.create(specs.get("lstm"), 1).parameterCount());

        // 1. per-step cost, one thread
        CopyTask fixed = new CopyTask(8, length, length, 0.1);
        SequenceBatch stepData = SequenceBatch.of(fixed.next(stepBatch, new SplittableRandom(3)));
        Map<String, StepTimer> timers = new LinkedHashMap<>();
        specs.forEach((name, spec) -> timers.put(name, new StepTimer(spec, stepData)));
        Map<String, double[][]> perRound = new LinkedHashMap<>();
        timers.keySet().forEach(k -> perRound.put(k, new double[rounds][]));
        for (int r = -1; r < rounds; r++) { // round -1 warms the JIT up
            for (Map.Entry<String, StepTimer> e : timers.entrySet()) {
                double[] t = e.getValue().measure(seconds / 2);
                if (r >= 0) perRound.get(e.getKey())[r] = t;
            }
        }
        int steps = stepData.length();
        System.out.printf(Locale.ROOT, "%nper time step, 1 thread, batch %d, copy sequences of length %d (%d steps); median of %d rounds%n",
                stepBatch, length, steps, rounds);
        System.out.println("model   forward wall   fwd+bwd wall   forward cpu   fwd+bwd cpu   (us per step)");
        Map<String, double[]> med = new LinkedHashMap<>();
        perRound.forEach((name, rs) -> {
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) m[k] = median(rs, k);
            med.put(name, m);
            System.out.printf(Locale.ROOT, "%-6s  %12.1f   %12.1f   %11.1f   %11.1f%n", name, m[0], m[1], m[2], m[3]);
        });
        double[] n = med.get("ntm"), l = med.get("lstm");
        System.out.printf(Locale.ROOT, "ratio ntm/lstm: forward %.2f (cpu %.2f), fwd+bwd %.2f (cpu %.2f)%n",
                n[0] / l[0], n[2] / l[2], n[1] / l[1], n[3] / l[3]);

        // 2. training throughput
        FixedBatch trainData = new FixedBatch(task, batch, 7);
        System.out.printf(Locale.ROOT, "%ntraining (fwd + BPTT + Adam), batch %d, %d threads, copy lengths 1..20 padded to %d steps; median of %d rounds%n",
                batch, threads, SequenceBatch.of(trainData.batch()).length(), rounds);
        Map<String, double[]> seqs = new LinkedHashMap<>();
        specs.keySet().forEach(k -> seqs.put(k, new double[rounds]));
        for (int r = -1; r < rounds; r++) {
            for (Map.Entry<String, ModelSpec> e : specs.entrySet()) {
                double s = trainingThroughput(e.getValue(), trainData, batch, threads, seconds);
                if (r >= 0) seqs.get(e.getKey())[r] = s;
            }
        }
        seqs.forEach((name, s) -> System.out.printf(Locale.ROOT, "%-6s  %8.1f sequences/s%n", name, median(s)));
        System.out.printf(Locale.ROOT, "ratio lstm/ntm: %.2f%n", median(seqs.get("lstm")) / median(seqs.get("ntm")));
    }

    /** Times forward and forward + backward of one model on one batch, one thread. */
    private static final class StepTimer {
        private final SequenceModel model;
        private final ShardWorker worker;
        private final SequenceBatch data;
        private final double weight;
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

        StepTimer(ModelSpec spec, SequenceBatch data) {
            this.model = SequenceModel.create(spec, 1);
            this.worker = new ShardWorker(spec, Bptt.FULL);
            this.data = data;
            this.weight = 1.0 / data.maskSum(0, data.size());
        }

        /** {forward wall, fwd+bwd wall, forward cpu, fwd+bwd cpu} in microseconds per time step, over about {@code seconds}. */
        double[] measure(double seconds) {
            int steps = data.length();
            long fw = 0, fc = 0, bw = 0, bc = 0;
            int n = 0;
            long until = System.nanoTime() + (long) (seconds * 1e9);
            while (n < 2 || System.nanoTime() < until) {
                long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                worker.forward(model.weights(), data, 0, data.size(), steps);
                long w1 = System.nanoTime(), c1 = mx.getCurrentThreadCpuTime();
                worker.lossAndGradient(model.weights(), data, 0, data.size(), weight, LossFunction.BINARY_CROSS_ENTROPY);
                long w2 = System.nanoTime(), c2 = mx.getCurrentThreadCpuTime();
                fw += w1 - w0;
                fc += c1 - c0;
                bw += w2 - w1;
                bc += c2 - c1;
                n++;
            }
            double per = 1e3 * n * steps;
            return new double[] {fw / per, bw / per, fc / per, bc / per};
        }
    }

    static double trainingThroughput(ModelSpec spec, FixedBatch data, int batch, int threads, double seconds) {
        SequenceModel model = SequenceModel.create(spec, 1);
        TrainingConfig cfg = new TrainingConfig(1, batch, Optimizer.adam(1e-3), 0, threads, 1, 0);
        return TrainerTiming.sequencesPerSecond(model, data, cfg, 1, seconds);
    }

    private static double median(double[][] rounds, int k) {
        double[] v = new double[rounds.length];
        for (int i = 0; i < v.length; i++) v[i] = rounds[i][k];
        return median(v);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
