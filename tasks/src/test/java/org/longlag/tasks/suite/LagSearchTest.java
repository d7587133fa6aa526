package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.report.MemoryLength;
import org.longlag.tasks.report.TextSummary;

/** Memory length by search: the steps it takes, its suite syntax, and the runner driving it from the store. */
class LagSearchTest {

    static final ExperimentRunner RUNNER = ExperimentRunner.discover();

    /** Runs the search against an oracle that solves every lag up to {@code limit}, all seeds alike; returns the lags probed. */
    private static LagSearch.Step search(LagSearch s, int limit) {
        Map<Integer, LagSearch.Outcome> outcomes = new HashMap<>();
        LagSearch.Step step;
        while (!(step = s.next(outcomes)).done()) outcomes.put(step.probe(), new LagSearch.Outcome(s.seeds(), step.probe() <= limit ? s.seeds() : 0));
        return step;
    }

    @Test
    void doublesThenBisectsToTheResolution() {
        LagSearch s = new LagSearch(10, 5000, 5, 0.1);
        for (int limit : new int[] {10, 11, 57, 100, 333, 1000, 4999}) {
            LagSearch.Step step = search(s, limit);
            assertTrue(step.longestSolved() <= limit && limit < step.shortestFailed(), limit + ": " + step);
            int lo = step.longestSolved(), hi = step.shortestFailed();
            assertTrue(hi - lo <= Math.max(1, 0.1 * lo), "narrowed to 10%: " + step);
        }
        assertEquals(List.of(10, 20, 40, 80, 160, 120, 100, 110), search(s, 100).probes(), "[100, 110] is 10% wide: done");
        LagSearch.Step top = search(s, 10_000);
        assertEquals(5000, top.longestSolved());
        assertEquals(0, top.shortestFailed(), "solved at the top: no failed bound");
        assertEquals(List.of(10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5000), top.probes());
        LagSearch.Step none = search(s, 5);
        assertEquals(0, none.longestSolved());
        assertEquals(10, none.shortestFailed());
        assertEquals(List.of(10), none.probes());
    }

    @Test
    void aProbeCountsOnlyWhenEverySeedIsIn() {
        LagSearch s = new LagSearch(10, 100, 3, 0.1);
        assertEquals(10, s.next(Map.of(10, new LagSearch.Outcome(2, 2))).probe(), "2 of 3 seeds in: probe 10 again (its last seed)");
        assertEquals(20, s.next(Map.of(10, new LagSearch.Outcome(3, 2))).probe(), "2 of 3 solved: a majority");
        assertEquals(0, s.next(Map.of(10, new LagSearch.Outcome(3, 1))).probe(), "1 of 3: failed at 'from', done");
    }

    @Test
    void badBoundsAndResolutionAreOneLineErrorsNamingTheKey() {
        String base = String.join("\n", "name: s", "training: {steps: 5, batch: 4}", "models: [elman]", "tasks: [addition]", "");
        for (String[] c : new String[][] {
                {"lags: {search: {from: 100, to: 10}}", "lags.search: 'to' (10) must be above 'from' (100): the bounds are inverted or equal"},
                {"lags: {search: {from: 10, to: 100, resolution: 0}}", "lags.search.resolution: expects a number > 0, got '0'"},
                {"lags: {search: {from: 10, to: 100, resolution: -0.5}}", "lags.search.resolution: expects a number > 0, got '-0.5'"},
                {"lags: {search: {from: 10}}", "missing key 'to'"},
                {"lags: {search: {from: 10, to: 20, step: 2}}", "unknown key 'step'"}}) {
            SuiteException e = assertThrows(SuiteException.class, () -> new SuiteReader(RUNNER).parse("s.yaml", c[0] + "\n" + base, "quick"));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().startsWith("s.yaml:1:"), e.getMessage());
        }
        SuiteException e = assertThrows(SuiteException.class, () -> new SuiteReader(RUNNER).parse("s.yaml",
                base.replace("tasks: [addition]", "tasks: [{kind: addition, lags: {search: {from: 0, to: 9}}}]"), "quick"));
        assertTrue(e.getMessage().contains("tasks[0].lags.search.from: expects a positive integer"), e.getMessage());
    }

    static final String SEARCH = String.join("\n",
            "name: search",
            "lags: {search: {from: 10, to: 1000, seeds: 3, resolution: 0.1}}",
            "training: {steps: 5, batch: 4}",
            "evaluation: {every: 0, validation-samples: 8, test-samples: 8}",
            "gradient-norms: {samples: 0}",
            "models: [{kind: elman, options: {hidden: 2}}, {kind: lstm, options: {hidden: 2}}]",
            "tasks: [addition]",
            "");

    /**
     * An engine that does not train: a run "solves" its lag when the lag is at most its model's limit
     * (seed 3 of the LSTM fails everywhere, so majorities matter), after a short pause, on a few threads.
     * It can be told to stop answering after a number of runs, as a killed process would.
     */
    static final class OracleEngine implements SuiteEngine {
        final Map<String, Integer> limit;
        final int stopAfter;
        final ExecutorService pool = Executors.newFixedThreadPool(3);
        final AtomicInteger answered = new AtomicInteger();
        final Set<Integer> concurrentLags = ConcurrentHashMap.newKeySet();
        final AtomicInteger running = new AtomicInteger(), maxRunning = new AtomicInteger();

        OracleEngine(Map<String, Integer> limit, int stopAfter) {
            this.limit = limit;
            this.stopAfter = stopAfter;
        }

        @Override
        public String describe() {
            return "oracle";
        }

        @Override
        public int slots() {
            return 3;
        }

        @Override
        public int threadsPerRun() {
            return 1;
        }

        @Override
        public void submit(RunJob job, RunWorker.Progress progress, Consumer<Result> done) {
            pool.submit(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                running.decrementAndGet();
                SuiteRun r = job.run();
                if (answered.incrementAndGet() > stopAfter) return; // "killed": never answers
                boolean solved = r.lag() <= limit.get(r.modelLabel()) && !(r.modelLabel().equals("lstm") && r.seed() == 3);
                ObjectNode rec = JsonFiles.mapper().createObjectNode();
                rec.put("format", RunRecord.FORMAT).put("key", r.key()).put("id", r.id()).put("status", RunRecord.OK).put("model", r.modelLabel())
                        .put("model-kind", r.experiment().model()).put("task", r.taskLabel()).put("task-kind", "addition").put("memory-task", true)
                        .put("lag", r.lag()).put("training", "").put("seed", r.seed());
                ObjectNode s = rec.putObject("summary");
                s.put("solved", solved).put("error", solved ? 0.001 : 0.2).put("chance-error", 0.167).put("primary", "fraction_correct")
                        .put("primary-value", solved ? 1.0 : 0.0).put("criterion", "fraction_correct >= 0.9");
                rec.putObject("metrics").put("mse", solved ? 0.001 : 0.2);
                done.accept(new Result(job, new FinishedRun(r.key(), rec, Map.of()), null));
            });
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theRunnerSearchesEveryModelAtOnceAndResumesFromTheStore() throws Exception {
        Suite suite = new SuiteReader(RUNNER).parse("search.yaml", SEARCH, "quick");
        assertEquals(0, suite.expand(RUNNER).size(), "a searched task adds no grid runs");
        assertEquals(2, suite.searches().size());
        Map<String, Integer> limit = Map.of("elman", 15, "lstm", 300);

        Path whole = tmp.resolve("whole");
        OracleEngine e1 = new OracleEngine(limit, Integer.MAX_VALUE);
        try (ResultsStore store = ResultsStore.open(whole); e1) {
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, e1, false).run(suite, store, SuiteListener.NONE);
            assertEquals(0, o.failed());
        }
        List<StoredRecord> all = ResultsStore.read(whole);
        assertTrue(e1.maxRunning.get() > 1, "the seeds of a probe, and the two models, ran at the same time");
        Map<String, List<Integer>> lags = new HashMap<>();
        for (StoredRecord r : all) lags.computeIfAbsent(r.node().get("model").asText(), k -> new ArrayList<>()).add(r.node().get("lag").asInt());
        assertEquals(List.of(10, 20, 15, 17, 16), distinct(lags.get("elman")), "elman: 10 solved, 20 failed, then bisection");
        assertEquals(List.of(10, 20, 40, 80, 160, 320, 240, 280, 300), distinct(lags.get("lstm")), "lstm: doubling to 320, then bisection");
        assertEquals(3 * (5 + 9), all.size(), "3 seeds per probe, each run once");

        List<MemoryLength.Curve> curves = MemoryLength.curves(TextSummary.views(all));
        MemoryLength.Curve elman = curves.stream().filter(c -> c.model().equals("elman")).findFirst().orElseThrow();
        MemoryLength.Curve lstm = curves.stream().filter(c -> c.model().equals("lstm")).findFirst().orElseThrow();
        assertEquals("[15, 16]", elman.interval());
        assertEquals("[300, 320]", lstm.interval());
        assertEquals(2, lstm.at(300).solved(), "2 of 3 LSTM seeds solve: a majority");
        String text = TextSummary.memoryVsGeneralization(TextSummary.views(all));
        assertTrue(text.contains("lstm on addition: memory length in [300, 320]; seeds solved/run by lag: 10: 2/3,"), text);

        // the same search killed after 7 runs, then again after 10 more, then resumed: it ends where the whole one did
        Path cut = tmp.resolve("cut");
        for (int stop : new int[] {7, 10}) {
            OracleEngine e = new OracleEngine(limit, stop);
            Thread t = new Thread(() -> {
                try (ResultsStore store = ResultsStore.open(cut)) {
                    new SuiteRunner(RUNNER, e, false).run(suite, store, SuiteListener.NONE);
                } catch (Exception ex) {
                    // interrupted: the "kill"
                }
            });
            t.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (e.answered.get() <= stop && System.nanoTime() < deadline) Thread.sleep(5);
            Thread.sleep(50);
            t.interrupt();
            t.join(10_000);
            e.close();
        }
        int before = ResultsStore.read(cut).size();
        assertTrue(before >= 17 && before < all.size(), "killed in the middle of the search: " + before);
        OracleEngine e3 = new OracleEngine(limit, Integer.MAX_VALUE);
        SuiteRunner.Outcome resumedOutcome;
        try (ResultsStore store = ResultsStore.open(cut); e3) {
            resumedOutcome = new SuiteRunner(RUNNER, e3, false).run(suite, store, SuiteListener.NONE);
        }
        List<StoredRecord> resumed = ResultsStore.read(cut);
        assertEquals(all.size() - before, e3.answered.get(), "the resumed search ran only what the store lacked");
        assertEquals(before, resumedOutcome.skipped(), "and counted what the store had as skipped");
        assertEquals(all.size(), resumedOutcome.runs());
        assertEquals(all.stream().map(StoredRecord::key).collect(Collectors.toSet()), resumed.stream().map(StoredRecord::key).collect(Collectors.toSet()));
        assertEquals(resumed.size(), resumed.stream().map(StoredRecord::key).distinct().count(), "each run stored once");
        assertTrue(Files.size(cut.resolve(ResultsStore.FILE)) > 0);
    }

    private static List<Integer> distinct(List<Integer> l) {
        List<Integer> out = new ArrayList<>();
        for (int x : l) if (!out.contains(x)) out.add(x);
        return Collections.unmodifiableList(out);
    }
}
