package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.longlag.tasks.experiment.AtomicFiles;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.Resume;

/**
 * Runs a suite on an engine ({@link LocalThreadsEngine} by default) and appends one record per run
 * to a {@link ResultsStore}, each as soon as its run comes back: this thread is the store's only
 * writer, whatever the engine. Runs whose key the store already holds as finished are skipped, so an
 * interrupted suite (Ctrl-C, kill -9, a crash, a lost cluster) resumes where it stopped without
 * repeating or losing a finished run; a run that comes back twice (an engine's retry) is stored once.
 *
 * <p>A task whose lags are searched ({@link LagSearch}) adds its runs as the search goes: each (model,
 * task) pair's next probe is submitted as soon as the store holds every seed of its last one, so the
 * seeds of one probe train in parallel and different models search at the same time. The search's
 * state is read from the store's records, so an interrupted search resumes from the store.
 */
public final class SuiteRunner {

    /**
     * The directory beside the store that holds each run's files, one subdirectory per run key:
     * the model with --save-models, whatever the task's test writes (a reconstruction's
     * generated.csv and truth.csv), and the run's checkpoints while it trains.
     */
    public static final String ARTIFACTS = "artifacts";

    private final ExperimentRunner runner;
    private final int parallel;
    private final SuiteEngine engine;
    private final boolean saveModels;

    /**
     * Runs on local threads.
     *
     * @param parallel   runs at once, at least 1 (at most the number of cores is sensible)
     * @param saveModels also write each trained model beside the store (artifacts/KEY/model.longlag)
     */
    public SuiteRunner(ExperimentRunner runner, int parallel, boolean saveModels) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        this.runner = runner;
        this.parallel = parallel;
        this.engine = null;
        this.saveModels = saveModels;
    }

    /** Runs on {@code engine}, which the caller closes. */
    public SuiteRunner(ExperimentRunner runner, SuiteEngine engine, boolean saveModels) {
        if (engine == null) throw new IllegalArgumentException("an engine is needed");
        this.runner = runner;
        this.parallel = engine.slots();
        this.engine = engine;
        this.saveModels = saveModels;
    }

    /**
     * How a call to {@link #run} went.
     *
     * @param runs    runs of the grid and of the searches' probes
     * @param skipped of those, runs already finished in the store
     * @param keys    the keys of those runs (a search's depend on what it found)
     */
    public record Outcome(int runs, int skipped, int ok, int diverged, int failed, double seconds, Set<String> keys) {
        public Outcome {
            keys = Set.copyOf(keys);
        }
    }

    /** Threads per run: one when runs go in parallel, every core otherwise (local threads); the engine's choice otherwise. */
    public int threadsPerRun() {
        return engine != null ? engine.threadsPerRun() : LocalThreadsEngine.threadsPerRun(parallel);
    }

    /** In words, where the runs train. */
    public String describeEngine() {
        return engine != null ? engine.describe() : "local threads, " + parallel + " run(s) at a time";
    }

    public Outcome run(Suite suite, ResultsStore store, SuiteListener listener) {
        SuiteEngine e = engine != null ? engine : new LocalThreadsEngine(runner, parallel, store.dir());
        try {
            return new Pass(suite, store, listener, e).go();
        } finally {
            if (engine == null) e.close();
        }
    }

    /** One call of {@link #run}: what is in flight, what each search has asked for, and the counts. */
    private final class Pass {
        private final Suite suite;
        private final ResultsStore store;
        private final SuiteListener listener;
        private final SuiteEngine engine;
        private final BlockingQueue<SuiteEngine.Result> results = new LinkedBlockingQueue<>();
        private final Map<String, SuiteRun> inFlight = new HashMap<>();
        private final Set<String> failedNow = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<Suite.Search, Map<Integer, List<SuiteRun>>> probes = new LinkedHashMap<>();
        private final String checkpoints;
        private Set<String> doneAtStart = Set.of();
        private int runs, skipped, ok, diverged, failed;

        Pass(Suite suite, ResultsStore store, SuiteListener listener, SuiteEngine engine) {
            this.suite = suite;
            this.store = store;
            this.listener = listener;
            this.engine = engine;
            this.checkpoints = suite.checkpointEvery() > 0 ? store.dir().toAbsolutePath().resolve(ARTIFACTS).toString() : "";
            for (Suite.Search s : suite.searches()) probes.put(s, new HashMap<>());
        }

        Outcome go() {
            long start = System.nanoTime();
            List<SuiteRun> all = suite.expand(runner);
            Set<String> done = store.finishedKeys();
            doneAtStart = done;
            List<SuiteRun> todo = new ArrayList<>();
            for (SuiteRun r : all) {
                seen.add(r.key());
                if (!done.contains(r.key())) todo.add(r);
            }
            runs = all.size();
            skipped = all.size() - todo.size();
            List<SuiteRun> first = new ArrayList<>(todo);
            first.addAll(searchRuns());
            listener.onPlan(first, skipped);
            for (SuiteRun r : first) submit(r);
            while (!inFlight.isEmpty()) {
                SuiteEngine.Result res;
                try {
                    res = results.take();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while running the suite", ex);
                }
                store(res);
                for (SuiteRun r : searchRuns()) submit(r);
            }
            return new Outcome(runs, skipped, ok, diverged, failed, (System.nanoTime() - start) / 1e9, seen);
        }

        private void submit(SuiteRun r) {
            inFlight.put(r.key(), r);
            RunJob job = new RunJob(suite.name(), suite.budget().name(), r, engine.threadsPerRun(), saveModels, suite.checkpointEvery(), checkpoints);
            engine.submit(job, new RunWorker.Progress() {
                @Override
                public void onStart() {
                    listener.onStart(r);
                }

                @Override
                public void onStep(int step) {
                    listener.onStep(r, step);
                }
            }, results::add);
        }

        /** The runs the searches need now that the store holds what it holds: each search's next probe, less what is finished or running. */
        private List<SuiteRun> searchRuns() {
            List<SuiteRun> out = new ArrayList<>();
            if (probes.isEmpty()) return out;
            Map<String, StoredRecord> finished = new HashMap<>();
            for (StoredRecord r : store.records()) if (r.finished()) finished.put(r.key(), r);
            for (Map.Entry<Suite.Search, Map<Integer, List<SuiteRun>>> e : probes.entrySet()) {
                Suite.Search s = e.getKey();
                java.util.function.IntFunction<List<SuiteRun>> probe = lag -> e.getValue().computeIfAbsent(lag, l -> suite.probe(runner, s, l));
                LagSearch.Step step = SearchState.step(s, probe, finished);
                for (int lag : step.probes()) {
                    for (SuiteRun r : probe.apply(lag)) {
                        if (seen.add(r.key())) {
                            runs++;
                            if (doneAtStart.contains(r.key())) skipped++;
                        }
                    }
                }
                if (step.done()) continue;
                for (SuiteRun r : probe.apply(step.probe())) {
                    if (finished.containsKey(r.key()) || inFlight.containsKey(r.key()) || failedNow.contains(r.key())) continue;
                    out.add(r);
                }
            }
            return out;
        }

        /** Writes a run that came back: its artifacts, then its record (once per key), then drops its checkpoints. */
        private void store(SuiteEngine.Result res) {
            SuiteRun run = inFlight.remove(res.job().key());
            if (run == null) return; // not ours
            ObjectNode record = res.finished() != null ? res.finished().record()
                    : RunRecord.failed(suite, run, res.error(), Instant.now(), Instant.now());
            if (store.finishedKeys().contains(run.key())) return; // a second copy of a finished run: stored once
            if (res.finished() != null) {
                try {
                    for (Map.Entry<String, byte[]> f : res.finished().files().entrySet()) {
                        Path target = store.dir().resolve(f.getKey()).normalize();
                        if (!target.startsWith(store.dir().resolve(ARTIFACTS).normalize())) {
                            throw new IOException("run " + run.id() + " sent back a file outside the store's artifacts: " + f.getKey());
                        }
                        AtomicFiles.write(target, f.getValue());
                    }
                } catch (IOException ex) {
                    record = RunRecord.failed(suite, run, ex, Instant.now(), Instant.now());
                }
            }
            StoredRecord stored = store.append(record);
            switch (stored.status()) {
                case RunRecord.OK: ok++; break;
                case RunRecord.DIVERGED: diverged++; break;
                default: failed++; failedNow.add(run.key()); break;
            }
            if (stored.finished() && !checkpoints.isEmpty()) dropCheckpoints(Path.of(checkpoints).resolve(run.key()).resolve(RunWorker.CHECKPOINTS));
            listener.onFinish(run, stored);
        }
    }

    /** Removes a finished run's checkpoints: only the files checkpoints hold, so a wrong path loses nothing else. */
    static void dropCheckpoints(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> attempts = Files.list(dir)) {
            for (Path a : (Iterable<Path>) attempts::iterator) {
                if (!Files.isDirectory(a)) continue;
                try (Stream<Path> files = Files.list(a)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String n = f.getFileName().toString();
                        if (n.equals(Resume.RESULT) || n.startsWith("model.")) Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(a);
            }
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // something that is not a checkpoint's: left as it is
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the checkpoints in " + dir, e);
        }
    }
}
