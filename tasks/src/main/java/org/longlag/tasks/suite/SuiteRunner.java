package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;

/**
 * Runs a suite's runs on local threads and appends one record per run to a {@link ResultsStore}.
 * Runs whose key the store already holds as finished are skipped, so an interrupted suite
 * (Ctrl-C, kill -9, a crash) resumes where it stopped without repeating or losing a finished run.
 * With more than one run in parallel each run trains on one thread; alone, a run uses every core.
 */
public final class SuiteRunner {

    /**
     * The directory beside the store that holds each run's files, one subdirectory per run key:
     * the model with --save-models, and whatever the task's test writes (a reconstruction's
     * generated.csv and truth.csv).
     */
    public static final String ARTIFACTS = "artifacts";

    private final ExperimentRunner runner;
    private final int parallel;
    private final boolean saveModels;

    /**
     * @param parallel   runs at once, at least 1 (at most the number of cores is sensible)
     * @param saveModels also write each trained model beside the store (artifacts/KEY/model.longlag)
     */
    public SuiteRunner(ExperimentRunner runner, int parallel, boolean saveModels) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        this.runner = runner;
        this.parallel = parallel;
        this.saveModels = saveModels;
    }

    /** How a call to {@link #run} went. */
    public record Outcome(int runs, int skipped, int ok, int diverged, int failed, double seconds) {
    }

    /** Threads per run: one when runs go in parallel, every core otherwise. */
    public int threadsPerRun() {
        return parallel > 1 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public Outcome run(Suite suite, ResultsStore store, SuiteListener listener) {
        List<SuiteRun> all = suite.expand(runner);
        Set<String> done = store.finishedKeys();
        List<SuiteRun> todo = new ArrayList<>();
        for (SuiteRun r : all) if (!done.contains(r.key())) todo.add(r);
        int skipped = all.size() - todo.size();
        listener.onPlan(todo, skipped);
        long start = System.nanoTime();
        AtomicInteger ok = new AtomicInteger(), diverged = new AtomicInteger(), failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "longlag-suite");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SuiteRun r : todo) {
                futures.add(pool.submit(() -> {
                    StoredRecord rec = runOne(suite, r, store, listener);
                    switch (rec.status()) {
                        case RunRecord.OK: ok.incrementAndGet(); break;
                        case RunRecord.DIVERGED: diverged.incrementAndGet(); break;
                        default: failed.incrementAndGet(); break;
                    }
                    listener.onFinish(r, rec);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while running the suite", e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException) throw (RuntimeException) c;
                    if (c instanceof Error) throw (Error) c;
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(all.size(), skipped, ok.get(), diverged.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Trains one run and appends its record (a failure is recorded too, then retried on the next resume). */
    private StoredRecord runOne(Suite suite, SuiteRun run, ResultsStore store, SuiteListener listener) {
        listener.onStart(run);
        Instant started = Instant.now();
        ObjectNode record;
        try {
            Experiment e = run.withThreads(threadsPerRun());
            ExperimentRunner.Prepared prepared = runner.prepare(e);
            GradientNormProbe probe = run.memoryTask() && run.gradientNorms().enabled()
                    ? new GradientNormProbe(prepared.task(), run.gradientNorms(), run.seed()) : null;
            Probe hook = new Probe(run, probe, listener);
            Map<String, String> artifacts = new LinkedHashMap<>();
            String base = ARTIFACTS + "/" + run.key() + "/";
            Path modelFile = null;
            if (saveModels) {
                modelFile = store.dir().resolve(base + "model.longlag");
                java.nio.file.Files.createDirectories(modelFile.getParent());
                artifacts.put("model", base + "model.longlag");
            }
            ExperimentResult result = runner.run(e, prepared, modelFile, store.dir().resolve(base), hook);
            result.artifacts().forEach((name, file) -> artifacts.put(name, base + file));
            GradientNormProbe.Curve trained = probe == null || hook.model == null ? null : probe.measure(hook.model);
            record = RunRecord.finished(suite, run, result, hook.initial, trained, artifacts, started, Instant.now());
        } catch (Exception | StackOverflowError | OutOfMemoryError ex) {
            record = RunRecord.failed(suite, run, ex, started, Instant.now());
        }
        return store.append(record);
    }

    /** Measures gradient norms at initialization, keeps the model for the measurement after training, and reports steps. */
    private static final class Probe implements TrainingListener {
        private final SuiteRun run;
        private final GradientNormProbe probe;
        private final SuiteListener listener;
        SequenceModel model;
        GradientNormProbe.Curve initial;

        Probe(SuiteRun run, GradientNormProbe probe, SuiteListener listener) {
            this.run = run;
            this.probe = probe;
            this.listener = listener;
        }

        @Override
        public void onStart(SequenceModel m, TrainingConfig config) {
            model = m;
            if (probe != null) initial = probe.measure(m);
        }

        @Override
        public void onStep(SequenceModel m, StepReport report, TrainingControl control) {
            listener.onStep(run, report.step());
        }
    }
}
