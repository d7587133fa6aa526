package org.longlag.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
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
import org.longlag.models.registry.TaskShape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A/B timing of two builds of the models module in one JVM: each build is loaded in its own class
 * loader, and the two take turns (many short rounds), so both see the same load on a shared
 * machine. Times one model's forward + BPTT step (one thread, the thread's CPU time) on random
 * one-hot inputs with a loss at every step. {@code bench/ab-models} builds an older commit's models
 * jar and runs this against the working tree's.
 *
 * <p>Run: {@code ModelsAb --a OLD.jar --b NEW.jar [--model ntm] [--hidden 100] [--inputs 9]
 * [--outputs 8] [--batch 16] [--steps 41] [--rounds 40] [--reps 3]}; the class path must hold
 * everything but the models module (dynamics, ND4J, ...).
 */
public final class ModelsAb {

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        String jarA = a.getString("a"), jarB = a.getString("b"), model = a.getString("model", "ntm");
        int hidden = a.getInt("hidden", 100), inputs = a.getInt("inputs", 9), outputs = a.getInt("outputs", 8);
        int batch = a.getInt("batch", 16), steps = a.getInt("steps", 41), rounds = a.getInt("rounds", 40), reps = a.getInt("reps", 3);
        a.requireAllUsed();

        String[] jars = {jarA, jarB};
        Method[] run = new Method[2];
        for (int i = 0; i < 2; i++) {
            if (!new File(jars[i]).isFile()) throw new IllegalArgumentException("no models jar at " + jars[i]);
            ClassLoader cl = new ChildFirst(new URL[] {new File(jars[i]).toURI().toURL(), codeSource()}, ModelsAb.class.getClassLoader());
            Class<?> c = Class.forName(Timer.class.getName(), true, cl);
            c.getMethod("setup", String.class, int.class, int.class, int.class, int.class, int.class)
                    .invoke(null, model, hidden, inputs, outputs, batch, steps);
            run[i] = c.getMethod("run", int.class);
        }
        for (int w = 0; w < 5; w++) for (Method m : run) m.invoke(null, reps);
        double[][] perRound = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 2; i++) perRound[i][r] = (Long) run[i].invoke(null, reps) / (reps * (double) steps) / 1e3;
        }
        System.out.printf(Locale.ROOT, "%s (hidden %d), batch %d, %d steps, forward + BPTT, thread CPU time per step, %d alternating rounds%n",
                model, hidden, batch, steps, rounds);
        for (int i = 0; i < 2; i++) {
            double[] s = perRound[i].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%s: median %.1f us, min %.1f us  (%s)%n", i == 0 ? "A" : "B", s[rounds / 2], s[0], jars[i]);
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) ratio[r] = perRound[1][r] / perRound[0][r];
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "B/A per round: median %.3f (middle half %.3f..%.3f)%n", ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
    }

    /** Where this class was loaded from (bench's classes), for the child loaders. */
    private static URL codeSource() {
        return ModelsAb.class.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads longlag's models and bench classes itself; everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.longlag.models.") && !name.startsWith("org.longlag.bench.")) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }

    /** The timed work, one instance per class loader (static state: one model per loader). */
    public static final class Timer {
        private static SequenceModel model;
        private static ShardWorker worker;
        private static SequenceBatch data;
        private static double weight;
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

        private Timer() {
        }

        public static void setup(String kind, int hidden, int inputs, int outputs, int batch, int steps) {
            ModelSpec spec = ModelCatalog.discover().build(kind, new TaskShape(inputs, outputs, steps), Map.of("hidden", hidden));
            model = SequenceModel.create(spec, 1);
            worker = new ShardWorker(spec, Bptt.FULL);
            SplittableRandom rng = new SplittableRandom(2);
            float[] x = new float[batch * inputs * steps], y = new float[batch * outputs * steps];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < steps; t++) {
                    x[(b * inputs + rng.nextInt(inputs)) * steps + t] = 1;
                    for (int o = 0; o < outputs; o++) y[(b * outputs + o) * steps + t] = rng.nextBoolean() ? 1 : 0;
                }
            }
            float[] mask = new float[batch * steps];
            Arrays.fill(mask, 1);
            data = SequenceBatch.of(Nd4j.create(x, new long[] {batch, inputs, steps}, 'c'), Nd4j.create(y, new long[] {batch, outputs, steps}, 'c'),
                    Nd4j.create(mask, new long[] {batch, steps}, 'c'));
            weight = 1.0 / data.maskSum(0, batch);
        }

        /** CPU nanoseconds of {@code reps} forward + BPTT passes. */
        public static long run(int reps) {
            long c0 = MX.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                worker.lossAndGradient(model.weights(), data, 0, data.size(), weight, LossFunction.BINARY_CROSS_ENTROPY);
            }
            return MX.getCurrentThreadCpuTime() - c0;
        }
    }
}
