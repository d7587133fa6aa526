package org.longlag.tasks.suite;

import java.util.function.Consumer;

/**
 * Where a suite's runs train: {@link LocalThreadsEngine} (threads of this process) or a cluster
 * (org.longlag.tasks.suite.spark.SparkEngine). The {@link SuiteRunner} plans the runs, hands them to
 * the engine one by one as they become due (a lag search's next probe only after the last one), and
 * alone writes each finished run to the results store as it comes back; an engine never writes it.
 */
public interface SuiteEngine extends AutoCloseable {

    /** The outcome of one submitted run: what it sent back, or why the engine could not run it at all. */
    record Result(RunJob job, FinishedRun finished, Throwable error) {
    }

    /** In words, for the first line a suite prints ("local threads, 2 runs at a time"). */
    String describe();

    /** Runs the engine trains at once (for planning how many probes to start). */
    int slots();

    /** Training threads each run gets. */
    int threadsPerRun();

    /**
     * Starts a run and returns at once. {@code done} is called exactly once for it, from a thread of the
     * engine, after the run ended (whatever its status) or the engine gave up on it.
     *
     * @param progress what the run tells while it trains (an engine whose runs train elsewhere may tell only the start)
     */
    void submit(RunJob job, RunWorker.Progress progress, Consumer<Result> done);

    /** Stops whatever still runs and lets go of the engine's resources. */
    @Override
    void close();
}
