package org.longlag.tasks.suite;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.longlag.tasks.experiment.ExperimentRunner;

/**
 * Runs on threads of this process (longlag's default engine): {@code parallel} runs at once, each on
 * one training thread when more than one run goes at a time, on every core when alone. Workers write
 * a run's artifacts straight into the store's directory.
 */
public final class LocalThreadsEngine implements SuiteEngine {

    private final ExperimentRunner runner;
    private final int parallel;
    private final Path storeDir;
    private final String attempt = "local-" + ProcessHandle.current().pid();
    private final ExecutorService pool;

    /**
     * @param parallel runs at once, at least 1
     * @param storeDir the results store's directory (artifacts go to its artifacts/KEY)
     */
    public LocalThreadsEngine(ExperimentRunner runner, int parallel, Path storeDir) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        this.runner = runner;
        this.parallel = parallel;
        this.storeDir = storeDir;
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "longlag-suite");
            t.setDaemon(true);
            return t;
        });
    }

    /** Threads per run: one when runs go in parallel, every core otherwise. */
    public static int threadsPerRun(int parallel) {
        return parallel > 1 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String describe() {
        return "local threads, " + parallel + " run(s) at a time";
    }

    @Override
    public int slots() {
        return parallel;
    }

    @Override
    public int threadsPerRun() {
        return threadsPerRun(parallel);
    }

    @Override
    public void submit(RunJob job, RunWorker.Progress progress, Consumer<Result> done) {
        pool.submit(() -> {
            Result r;
            try {
                Path dir = storeDir.resolve(SuiteRunner.ARTIFACTS).resolve(job.key());
                r = new Result(job, RunWorker.run(runner, job, dir, false, attempt, progress), null);
            } catch (RuntimeException | Error e) {
                r = new Result(job, null, e);
            }
            done.accept(r);
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
