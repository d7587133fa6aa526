package org.longlag.tasks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.longlag.tasks.experiment.ExperimentRunner;

class SuiteReaderTest {

    private static final ExperimentRunner RUNNER = ExperimentRunner.discover();
    private static final SuiteReader READER = new SuiteReader(RUNNER);

    private static final String GOOD = String.join("\n",
            "name: small",
            "seeds: [1, 2]",
            "lags: [5, 8]",
            "training: {steps: 20, batch: 8, lr: 0.01}",
            "evaluation: {every: 0, validation-samples: 20, test-samples: 30}",
            "models:",
            "  - lstm",
            "  - kind: rplrnn",
            "    label: rPLRNN",
            "    options: {hidden: 6, tau-a: 2.5}",
            "    training: {lr: 0.001}",
            "tasks:",
            "  - addition",
            "  - kind: multiplication",
            "    lags: [4]",
            "");

    private static String problem(String text) {
        SuiteException e = assertThrows(SuiteException.class, () -> READER.parse("s.yaml", text, "quick"));
        return e.getMessage();
    }

    @Test
    void aGoodSuiteExpandsToTheFullGrid() {
        Suite s = READER.parse("s.yaml", GOOD, "quick");
        List<SuiteRun> runs = s.expand(RUNNER);
        // 2 models x (addition at 2 lags + multiplication at 1 lag) x 2 seeds
        assertEquals(2 * 3 * 2, runs.size());
        assertEquals(runs.size(), runs.stream().map(SuiteRun::key).distinct().count());
        SuiteRun r = runs.stream().filter(x -> x.modelLabel().equals("rPLRNN") && x.taskLabel().equals("multiplication")).findFirst().orElseThrow();
        assertEquals(4, r.lag());
        assertEquals(6, r.experiment().modelOptions().get("hidden"));
        assertEquals(2.5, r.experiment().modelOptions().get("tau-a"));
        assertEquals(0.001, r.experiment().training().optimizer().learningRate());
        SuiteRun l = runs.stream().filter(x -> x.modelLabel().equals("lstm")).findFirst().orElseThrow();
        assertEquals(0.01, l.experiment().training().optimizer().learningRate());
        assertEquals(20, l.experiment().training().steps());
        assertEquals(30, l.experiment().evaluation().testSamples());
    }

    @Test
    void keysAreStableAndIgnoreLabelsButNotSettings() {
        Set<String> a = keys(GOOD), b = keys(GOOD);
        assertEquals(a, b);
        assertEquals(a, keys(GOOD.replace("label: rPLRNN", "label: other-name")));
        Set<String> c = keys(GOOD.replace("tau-a: 2.5", "tau-a: 2.6"));
        assertNotEquals(a, c);
        assertEquals(a.size() - 6, intersection(a, c).size(), "only the 6 rPLRNN runs change");
    }

    private static Set<String> keys(String text) {
        return READER.parse("s.yaml", text, "quick").expand(RUNNER).stream().map(SuiteRun::key).collect(Collectors.toSet());
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(Collectors.toSet());
    }

    @Test
    void theKeyIsTheHashOfCanonicalJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Map.of("y", 0.5, "x", "s"));
        assertEquals("{\"a\":{\"x\":\"s\",\"y\":0.5},\"b\":1}", RunKey.canonicalJson(m));
        // SHA-256 of the text above, first 8 bytes (computed with sha256sum)
        assertEquals("84a09dd1b923d4cb", RunKey.of(m));
    }

    @Test
    void jsonAndYamlGiveTheSameRuns() {
        String json = "{\"name\":\"small\",\"seeds\":[1,2],\"lags\":[5,8],\"training\":{\"steps\":20,\"batch\":8,\"lr\":0.01},"
                + "\"evaluation\":{\"every\":0,\"validation-samples\":20,\"test-samples\":30},"
                + "\"models\":[\"lstm\",{\"kind\":\"rplrnn\",\"label\":\"rPLRNN\",\"options\":{\"hidden\":6,\"tau-a\":2.5},\"training\":{\"lr\":0.001}}],"
                + "\"tasks\":[\"addition\",{\"kind\":\"multiplication\",\"lags\":[4]}]}";
        Set<String> fromJson = READER.parse("s.json", json, "quick").expand(RUNNER).stream().map(SuiteRun::key).collect(Collectors.toSet());
        assertEquals(keys(GOOD), fromJson);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        String m = problem(GOOD.replace("training: {", "trainig: {"));
        assertTrue(m.contains("s.yaml:4:"), m);
        assertTrue(m.contains("unknown key 'trainig'"), m);
    }

    @Test
    void anUnknownModelOptionIsNamedWithItsLineAndTheKindsOptions() {
        String m = problem(GOOD.replace("tau-a: 2.5", "tau-x: 2.5"));
        assertTrue(m.contains("s.yaml:10:"), m);
        assertTrue(m.contains("models[1].options.tau-x"), m);
        assertTrue(m.contains("model 'rplrnn' has no option 'tau-x'"), m);
        assertTrue(m.contains("tau-a"), "lists the options the kind has: " + m);
    }

    @Test
    void aBadValueIsNamedWithKeyValueAndLine() {
        String m = problem(GOOD.replace("steps: 20", "steps: many"));
        assertTrue(m.contains("s.yaml:4:"), m);
        assertTrue(m.contains("training.steps"), m);
        assertTrue(m.contains("'many'"), m);
        String h = problem(GOOD.replace("hidden: 6", "hidden: six"));
        assertTrue(h.contains("models[1].options.hidden") && h.contains("'six'") && h.contains("s.yaml:10:"), h);
        String lag = problem(GOOD.replace("lags: [4]", "lags: [4, -3]"));
        assertTrue(lag.contains("tasks[1].lags[1]") && lag.contains("'-3'") && lag.contains("s.yaml:15:"), lag);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = GOOD.replace("steps: 20", "steps: 0").replace("  - lstm", "  - lsmt").replace("optimizer", "x").replace("lr: 0.001", "lr: -1");
        SuiteException e = assertThrows(SuiteException.class, () -> READER.parse("s.yaml", text, "quick"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown model kind 'lsmt'; known models: "), e.getMessage());
        assertTrue(e.getMessage().contains("training.steps: expects a positive integer, got '0'"), e.getMessage());
        assertTrue(e.getMessage().contains("models[1].training.lr: expects a number > 0, got '-1'"), e.getMessage());
    }

    @Test
    void structuralMistakesAreRefused() {
        assertTrue(problem(GOOD + "seeds: [3]\n").contains("key 'seeds' is given twice"));
        assertTrue(problem(GOOD.replace("lags: [4]", "options: {lag: 4}")).contains("not as the option 'lag'"));
        assertTrue(problem(GOOD.replace("lags: [5, 8]\n", "")).contains("memory task 'addition' needs lags"));
        assertTrue(problem(GOOD.replace("training: {steps", "training: {threads: 2, steps")).contains("threads are set by the runner"));
        assertTrue(problem(GOOD.replace("models:\n  - lstm\n", "models:\n  - lstm\n  - lstm\n")).contains("two models are labelled 'lstm'"));
        assertTrue(problem("name: x\nmodels: [lstm]\n").contains("missing key 'tasks'"));
        assertTrue(problem("models: [lstm\n").contains("not valid YAML"));
        assertTrue(problem(GOOD.replace("name: small", "name: 'a b'")).contains("name: expects letters"));
    }

    @Test
    void anInvalidCombinationIsFoundBeforeAnythingRuns() {
        // a valid option value that the model kind refuses when it is built
        String m = problem(GOOD.replace("tau-a: 2.5", "reg-fraction: 1.5"));
        assertTrue(m.contains("model 'rPLRNN' on task 'addition' at lag 5"), m);
        assertTrue(m.contains("reg-fraction must be in [0, 1], got 1.5"), m);
        assertTrue(m.contains("s.yaml:8:"), "points at the model entry: " + m);
    }

    @Test
    void budgetsOverrideTheSuite() {
        Suite paper = READER.parse("s.yaml", GOOD, "paper");
        for (SuiteRun r : paper.expand(RUNNER)) {
            assertEquals(40, r.experiment().modelOptions().get("hidden"));
            assertEquals(500, r.experiment().training().batchSize());
            assertEquals(3.0, r.experiment().training().clipNorm());
            assertEquals(1e-3, r.experiment().training().optimizer().learningRate(), "the budget wins over a model's own lr");
            assertEquals(10_000, r.experiment().evaluation().testSamples());
            assertFalse(r.experiment().evaluation().stopWhenSolved());
        }
        String own = GOOD + "budgets:\n  tiny:\n    seeds: [7]\n    lags: [4]\n    training: {steps: 5}\n";
        List<SuiteRun> tiny = READER.parse("s.yaml", own, "tiny").expand(RUNNER);
        assertEquals(2 * 2, tiny.size(), "2 models x 2 tasks x 1 lag x 1 seed");
        assertTrue(tiny.stream().allMatch(r -> r.lag() == 4 && r.seed() == 7 && r.experiment().training().steps() == 5));
        String m = problem(GOOD.replace("name: small", "name: small") + "budgets:\n  tiny: {training: {stepz: 5}}\n");
        assertTrue(m.contains("budgets.tiny.training.stepz") && m.contains("unknown key 'stepz'"), m);
        SuiteException e = assertThrows(SuiteException.class, () -> READER.parse("s.yaml", GOOD, "huge"));
        assertTrue(e.getMessage().contains("unknown budget 'huge'; known budgets: quick, paper"), e.getMessage());
    }

    @Test
    void trainingSettingsCanBeAnAxis() {
        String axis = GOOD.replace("training: {steps: 20, batch: 8, lr: 0.01}",
                "training:\n  - {label: short, steps: 20, lr: 0.01}\n  - {label: long, steps: 40, lr: 0.01}");
        List<SuiteRun> runs = READER.parse("s.yaml", axis, "quick").expand(RUNNER);
        assertEquals(24, runs.size());
        assertEquals(Set.of("short", "long"), runs.stream().map(SuiteRun::trainingLabel).collect(Collectors.toSet()));
        assertTrue(problem(axis.replace("label: long, ", "")).contains("each needs a 'label'"));
    }

    @Test
    void theReadmesSuiteExampleIsValid() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int section = readme.indexOf("### Suite files");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Suite s = READER.parse("README.md", yaml, "quick");
        // lstm and rPLRNN-M40 x (addition at 3 lags + multiplication at 2) x 3 seeds, and rPLRNN-M40 on lorenz63 with 1 seed
        List<SuiteRun> runs = s.expand(RUNNER);
        assertEquals(2 * 5 * 3 + 1, runs.size());
        SuiteRun dsr = runs.stream().filter(r -> r.taskLabel().equals("lorenz63")).findFirst().orElseThrow();
        assertEquals(3000, dsr.experiment().training().steps());
        assertEquals(0.005, dsr.experiment().training().optimizer().learningRate(), 1e-12, "the task's own keys win over the model's (lr 0.0005)");
        assertEquals(0.0005, runs.stream().filter(r -> r.modelLabel().equals("rPLRNN-M40") && r.taskLabel().equals("addition")).findFirst().orElseThrow()
                .experiment().training().optimizer().learningRate(), 1e-12);
        assertEquals(1, READER.parse("README.md", yaml, "smoke").expand(RUNNER).stream().map(SuiteRun::seed).distinct().count());
    }

    @Test
    void theBuiltInSuitesAreValid() {
        for (String name : SuiteReader.BUILT_IN) {
            for (String budget : List.of("quick", "paper")) {
                Suite s = READER.readBuiltIn(name, budget);
                assertFalse(s.expand(RUNNER).isEmpty(), name + " " + budget);
                assertEquals(budget, s.budget().name());
            }
        }
    }
}
