package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;

class SuiteRunnerTest {

    static final ExperimentRunner RUNNER = ExperimentRunner.discover();

    /** 2 models x 2 lags x 2 seeds of a few steps each. */
    static final String TINY = String.join("\n",
            "name: tiny",
            "seeds: [1, 2]",
            "lags: [5, 9]",
            "training: {steps: 15, batch: 8, lr: 0.01}",
            "evaluation: {every: 0, validation-samples: 16, test-samples: 32}",
            "gradient-norms: {samples: 8, points: 4}",
            "models:",
            "  - {kind: elman, options: {hidden: 4}}",
            "  - {kind: lstm, options: {hidden: 3}}",
            "tasks: [addition]",
            "");

    @TempDir
    Path dir;

    @Test
    void runsTheGridOnceAndResumesWithoutRepeating() throws Exception {
        Suite suite = new SuiteReader(RUNNER).parse("tiny.yaml", TINY, "quick");
        List<SuiteRun> grid = suite.expand(RUNNER);
        AtomicInteger steps = new AtomicInteger();
        SuiteListener count = new SuiteListener() {
            @Override
            public void onStep(SuiteRun run, int step) {
                steps.incrementAndGet();
            }
        };
        try (ResultsStore store = ResultsStore.open(dir)) {
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, 2, false).run(suite, store, count);
            assertEquals(8, o.runs());
            assertEquals(8, o.ok() + o.diverged());
            assertEquals(0, o.skipped());
        }
        assertEquals(8 * 15, steps.get(), "every step of every run reported");
        List<StoredRecord> records = ResultsStore.read(dir);
        assertEquals(grid.stream().map(SuiteRun::key).collect(Collectors.toSet()), records.stream().map(StoredRecord::key).collect(Collectors.toSet()));
        for (StoredRecord r : records) {
            JsonNode n = r.node();
            SuiteRun run = grid.stream().filter(g -> g.key().equals(r.key())).findFirst().orElseThrow();
            assertEquals(RunRecord.FORMAT, n.get("format").asText());
            assertEquals(run.id(), n.get("id").asText());
            assertEquals(JsonFiles.mapper().valueToTree(run.resolved()).toString(), n.get("config").toString(), "the resolved config is stored with the result");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> stored = JsonFiles.mapper().convertValue(n.get("config"), java.util.Map.class);
            assertEquals(r.key(), RunKey.of(stored), "the key can be recomputed from the stored config");
            assertEquals(1, n.at("/summary/threads").asInt(), "parallel runs train on one thread each");
            assertTrue(n.at("/metrics/error").isNumber());
            assertEquals(n.at("/metrics/fraction_correct").asDouble(), n.at("/summary/primary-value").asDouble());
            JsonNode g = n.get("gradient-norms");
            int lag = n.get("lag").asInt();
            assertEquals(0, g.at("/lags/0").asInt());
            assertEquals(4, g.get("lags").size(), "subsampled to the requested points");
            assertEquals(g.get("lags").size(), g.get("initial").size());
            assertEquals(g.get("lags").size(), g.get("trained").size());
            assertTrue(g.get("lags").get(g.get("lags").size() - 1).asInt() >= lag - 1, "reaches back to the first input");
            assertTrue(g.at("/initial/0").asDouble() > 0);
            assertFalse(g.get("initial").equals(g.get("trained")), "training changed the gradient norms");
        }
        byte[] before = Files.readAllBytes(dir.resolve(ResultsStore.FILE));
        try (ResultsStore store = ResultsStore.open(dir)) {
            SuiteRunner.Outcome again = new SuiteRunner(RUNNER, 2, false).run(suite, store, SuiteListener.NONE);
            assertEquals(8, again.skipped());
            assertEquals(0, again.ok() + again.diverged() + again.failed());
        }
        assertEquals(new String(before), new String(Files.readAllBytes(dir.resolve(ResultsStore.FILE))), "nothing rewritten or added");
    }

    @Test
    void aCopyRunStoresItsGeneralizationScoresAndLowerBitsAreBetter() throws Exception {
        String copy = TINY.replace("tasks: [addition]", "tasks: [{kind: copy, options: {width: 3}, lags: [4]}]")
                .replace("  - {kind: lstm, options: {hidden: 3}}\n", "").replace("lags: [5, 9]\n", "");
        Suite suite = new SuiteReader(RUNNER).parse("copy.yaml", copy, "quick");
        try (ResultsStore store = ResultsStore.open(dir)) {
            new SuiteRunner(RUNNER, 2, false).run(suite, store, SuiteListener.NONE);
        }
        List<StoredRecord> records = ResultsStore.read(dir);
        assertEquals(2, records.size());
        for (StoredRecord r : records) {
            JsonNode g = r.node().get("generalization");
            assertTrue(g != null && g.has("length=30") && g.has("length=120"), "copy is scored at longer lengths too: " + r.node());
            assertTrue(g.at("/length=120/bits_per_sequence").asDouble() > 0);
        }
        List<org.longlag.tasks.report.RunView> views = records.stream().map(org.longlag.tasks.report.RunView::of).toList();
        assertTrue(views.get(0).primaryLowerIsBetter(), views.get(0).criterion());
        double best = Math.min(views.get(0).primaryValue(), views.get(1).primaryValue());
        assertEquals(best, org.longlag.tasks.report.MemoryLength.curves(views).get(0).at(4).bestPrimary(), "fewest wrong bits is best");
    }

    @Test
    void aDivergingRunIsRecordedAsDiverged() throws Exception {
        String exploding = TINY.replace("training: {steps: 15, batch: 8, lr: 0.01}", "training: {steps: 60, batch: 8, lr: 1000, clip: 0}")
                .replace("  - {kind: lstm, options: {hidden: 3}}\n", "").replace("kind: elman, options: {hidden: 4}", "kind: plrnn, options: {hidden: 4}")
                .replace("seeds: [1, 2]", "seeds: [1]").replace("lags: [5, 9]", "lags: [30]");
        Suite suite = new SuiteReader(RUNNER).parse("x.yaml", exploding, "quick");
        try (ResultsStore store = ResultsStore.open(dir)) {
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, 1, false).run(suite, store, SuiteListener.NONE);
            assertEquals(1, o.diverged(), "lr 1000 without clipping must blow up a PLRNN");
        }
        JsonNode n = ResultsStore.read(dir).get(0).node();
        assertEquals(RunRecord.DIVERGED, n.get("status").asText());
        assertTrue(n.get("diverged").asText().contains("training stopped at step"), n.get("diverged").asText());
        assertTrue(n.at("/metrics/error").isNumber() || n.at("/metrics/error").isTextual(), "scored with the last good parameters");
        try (ResultsStore store = ResultsStore.open(dir)) {
            assertEquals(Set.of(n.get("key").asText()), store.finishedKeys(), "a diverged run is a finished run: not repeated");
        }
    }

    @Test
    void aFailedRunIsRecordedAndRetriedOnResume() throws Exception {
        Suite suite = new SuiteReader(RUNNER).parse("tiny.yaml", TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("lags: [5, 9]", "lags: [5]"), "quick");
        Files.writeString(dir.resolve("artifacts"), "a file where the model directory should go");
        try (ResultsStore store = ResultsStore.open(dir)) {
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, 2, true).run(suite, store, SuiteListener.NONE);
            assertEquals(2, o.failed());
        }
        List<StoredRecord> failed = ResultsStore.read(dir);
        assertEquals(2, failed.size());
        assertTrue(failed.stream().allMatch(r -> r.status().equals(RunRecord.FAILED) && r.node().get("error").asText().contains("artifacts")));
        Files.delete(dir.resolve("artifacts"));
        try (ResultsStore store = ResultsStore.open(dir)) {
            SuiteRunner.Outcome o = new SuiteRunner(RUNNER, 2, true).run(suite, store, SuiteListener.NONE);
            assertEquals(2, o.ok() + o.diverged(), "failed runs are run again");
        }
        List<StoredRecord> all = ResultsStore.read(dir);
        assertEquals(4, all.size(), "the failure records stay: the store is append-only");
        List<StoredRecord> latest = ResultsStore.latestByKey(all);
        assertEquals(2, latest.size());
        for (StoredRecord r : latest) {
            assertTrue(r.finished());
            assertTrue(Files.size(dir.resolve(r.node().at("/artifacts/model").asText())) > 0, "model saved beside the store");
        }
    }

    @Test
    void aReconstructionRunWritesItsTrajectoriesBesideTheStoreAndRecordsThem() throws Exception {
        List<StoredRecord> records = TinySuites.runMemoryAndDsr(dir);
        assertEquals(10, records.size(), "addition: 2 models x 2 lags x 2 seeds; dsr: its 2 models x its 1 seed");
        List<StoredRecord> dsr = records.stream().filter(r -> r.node().get("task").asText().equals("lorenz63")).toList();
        assertEquals(Set.of("lstm", "shplrnn"), dsr.stream().map(r -> r.node().get("model").asText()).collect(Collectors.toSet()));
        assertTrue(records.stream().noneMatch(r -> r.node().get("model").asText().equals("shplrnn") && r.node().get("task").asText().equals("addition")),
                "the task's model list keeps the shPLRNN off the memory task");
        for (StoredRecord r : dsr) {
            JsonNode n = r.node();
            assertEquals(RunRecord.OK, r.status(), n.toString());
            assertEquals(3, n.get("seed").asLong(), "the task's own seeds");
            assertEquals(12, n.at("/summary/steps").asInt(), "the task's own training keys");
            assertEquals(0.001, n.at("/config/training/final-lr").asDouble(), "final-lr enters the resolved config");
            assertEquals(4, n.at("/config/training/batch").asInt());
            assertEquals(0, n.at("/config/evaluation/every").asInt(), "the task's own evaluation keys");
            // a model trained for 12 updates may leave the attractor's range: D_stsp is then NaN (as in the reference), written as text
            assertTrue(n.at("/metrics/dstsp").isNumber() || n.at("/metrics/dstsp").asText().equals("NaN"), n.get("metrics").toString());
            assertTrue(n.at("/metrics/dh").isNumber() && n.at("/metrics/prediction_error").isNumber(), n.get("metrics").toString());
            String base = "artifacts/" + r.key() + "/";
            assertEquals(base + "generated.csv", n.at("/artifacts/generated-trajectory").asText(), n.get("artifacts").toString());
            assertEquals(base + "truth.csv", n.at("/artifacts/true-trajectory").asText());
            org.longlag.dynamics.trajectory.Trajectory truth = org.longlag.dynamics.trajectory.TrajectoryCsv.read(dir.resolve(base + "truth.csv"));
            org.longlag.dynamics.trajectory.Trajectory generated = org.longlag.dynamics.trajectory.TrajectoryCsv.read(dir.resolve(base + "generated.csv"));
            assertEquals(300, truth.length(), "the whole test trajectory");
            assertEquals(3, truth.dimension());
            assertEquals(3, generated.dimension());
            assertTrue(generated.length() >= 2 && generated.length() <= 300, "the free run after its transient: " + generated.length());
            double z = 0;
            for (int t = 0; t < truth.length(); t++) z += truth.value(t, 2) / truth.length();
            assertTrue(z > 10, "written in the data's units (Lorenz-63's z averages about 23.5), mean z = " + z);
        }
        for (StoredRecord r : records) {
            if (r.node().get("task").asText().equals("addition")) {
                assertEquals(0, r.node().get("artifacts").size(), "memory tasks write no trajectories");
                assertFalse(Files.exists(dir.resolve("artifacts/" + r.key())), "no empty directory for a run without artifacts");
            }
        }
    }

    @Test
    void perTaskKeysAreValidatedWithTheirPlaceInTheFile() {
        String bad = TinySuites.MEMORY_AND_DSR.replace("models: [lstm, shplrnn]", "models: [lstm, gru]")
                .replace("final-lr: 0.001", "final-lr: -1");
        SuiteException e = org.junit.jupiter.api.Assertions.assertThrows(SuiteException.class, () -> new SuiteReader(RUNNER).parse("bad.yaml", bad, "quick"));
        assertTrue(e.getMessage().contains("tasks[1].models[1]") && e.getMessage().contains("'gru'"), e.getMessage());
        assertTrue(e.getMessage().contains("tasks[1].training.final-lr"), e.getMessage());
    }

    @Test
    void aBudgetsKeysForOneTaskWinOverItsGeneralKeys() {
        String suite = TinySuites.MEMORY_AND_DSR + String.join("\n",
                "budgets:",
                "  smoke:",
                "    training: {steps: 3, lr: 0.02}",
                "    seeds: [7]",
                "    models:",
                "      shplrnn: {options: {hidden-width: 6}}",
                "    tasks:",
                "      lorenz63: {options: {test-length: 200}, training: {steps: 5}, seeds: [9]}",
                "");
        List<SuiteRun> runs = new SuiteReader(RUNNER).parse("b.yaml", suite, "smoke").expand(RUNNER);
        assertEquals(2 * 2 + 2, runs.size(), "budget seeds replace the suite's; the task's own budget seeds replace the task's");
        for (SuiteRun r : runs) {
            boolean dsr = r.taskLabel().equals("lorenz63");
            assertEquals(dsr ? 5 : 3, r.experiment().training().steps(), r.id());
            assertEquals(0.02, r.experiment().training().optimizer().learningRate(), 1e-12, "the budget's general keys win over the task's own");
            assertEquals(dsr ? 9L : 7L, r.seed());
            if (dsr) assertEquals(200L, ((Number) r.experiment().taskOptions().get("test-length")).longValue());
            if (r.modelLabel().equals("shplrnn")) assertEquals(6L, ((Number) r.experiment().modelOptions().get("hidden-width")).longValue());
        }
        SuiteException e = org.junit.jupiter.api.Assertions.assertThrows(SuiteException.class,
                () -> new SuiteReader(RUNNER).parse("b.yaml", suite.replace("      lorenz63:", "      lorenz96:"), "smoke"));
        assertTrue(e.getMessage().contains("budgets.smoke.tasks.lorenz96") && e.getMessage().contains("no task labelled"), e.getMessage());
    }
}
