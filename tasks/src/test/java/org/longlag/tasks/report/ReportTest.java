package org.longlag.tasks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.suite.ResultsStore;
import org.longlag.tasks.suite.StoredRecord;
import org.longlag.tasks.suite.Suite;
import org.longlag.tasks.suite.SuiteListener;
import org.longlag.tasks.suite.SuiteReader;
import org.longlag.tasks.suite.SuiteRunner;

class ReportTest {

    @TempDir
    Path dir;

    private static List<RunView> views(List<StoredRecord> rs) {
        return rs.stream().map(RunView::of).toList();
    }

    @Test
    void memoryLengthIsTheLongestLagAMajorityOfSeedsSolves() {
        List<StoredRecord> rs = new ArrayList<>();
        boolean[][] a = {{true, true, true}, {true, true, false}, {true, false, false}, {false, true, true}}; // lags 10, 20, 40, 80
        int[] lags = {10, 20, 40, 80};
        for (int i = 0; i < lags.length; i++) for (int s = 0; s < 3; s++) rs.add(FakeRuns.memory("a", "addition", lags[i], s + 1, a[i][s], a[i][s] ? 0.001 : 0.16));
        rs.add(FakeRuns.memory("b", "addition", 10, 1, true, 0.001));
        rs.add(FakeRuns.memory("b", "addition", 10, 2, true, 0.002));
        rs.add(FakeRuns.memory("b", "addition", 20, 1, true, 0.001));
        rs.add(FakeRuns.memory("b", "addition", 20, 2, false, 0.15));
        rs.add(FakeRuns.memory("c", "addition", 10, 1, true, 0.001));
        rs.add(FakeRuns.diverged("c", "addition", 10, 2));
        List<MemoryLength.Curve> curves = MemoryLength.curves(views(rs));
        assertEquals(3, curves.size());
        assertEquals(80, curves.get(0).memoryLength(), "2 of 3 seeds at the longest lag: a majority, even though lag 40 failed");
        assertEquals(10, curves.get(1).memoryLength(), "1 of 2 seeds is not a majority");
        assertEquals(-1, curves.get(2).memoryLength(), "a diverged run counts as not solved");
        assertEquals(-1, curves.get(0).shortestFailed(), "nothing failed above 80");
        assertEquals("[80, ∞)", curves.get(0).interval());
        assertEquals(List.of(80), curves.get(0).nonMonotone(), "80 solved above 40, which failed");
        assertEquals(40, curves.get(0).failedBelow(80));
        assertEquals("[10, 20]", curves.get(1).interval());
        assertEquals(List.of(), curves.get(1).nonMonotone());
        assertEquals("10: 2/2, 20: 1/2", curves.get(1).probes());
        assertEquals("[0, 10]", curves.get(2).interval());
        String text = TextSummary.memoryVsGeneralization(views(rs));
        assertTrue(text.contains("[10, 20] (2/2, 1/2 seeds)"), text);
        assertTrue(text.contains("[80, ∞) (2/3 seeds) NOT MONOTONE"), text);
        assertTrue(text.contains("NOT MONOTONE: lag 80 solved above lag 40, which failed"), text);
        MemoryLength.Point p = curves.get(0).at(40);
        assertEquals(1, p.solved());
        assertEquals(3, p.seeds());
        assertEquals(0.16 / 0.167, p.medianErrorToChance(), 1e-12);
        assertEquals(0.001, p.bestError());
        assertEquals(1, curves.get(2).at(10).diverged());
    }

    @Test
    void reconstructionMetricsAreSummarizedPerModel() throws Exception {
        List<StoredRecord> rs = List.of(
                FakeRuns.reconstruction(dir, "shplrnn", 1, 0.5, 0.1, 0.0),
                FakeRuns.reconstruction(dir, "shplrnn", 2, 0.7, 0.3, 0.05),
                FakeRuns.reconstruction(dir, "lstm", 1, 4.0, 0.6, 0.3));
        List<RunView> v = views(rs);
        assertEquals(List.of("dstsp", "dh"), Reconstruction.headline(v, "lorenz63"));
        Reconstruction.Summary s = Reconstruction.summaries(v).stream().filter(x -> x.model().equals("shplrnn") && x.metric().equals("dstsp")).findFirst().orElseThrow();
        assertEquals(0.6, s.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), s.sd(), 1e-12);
        assertEquals(0.5, s.min());
    }

    @Test
    void theReportOpensWithTheSummaryTableAndEmbedsEveryFigure() throws Exception {
        List<StoredRecord> rs = new ArrayList<>();
        for (int lag : new int[] {10, 30}) for (long seed = 1; seed <= 2; seed++) {
            rs.add(FakeRuns.memory("lstm", "addition", lag, seed, lag == 10, lag == 10 ? 0.001 : 0.1));
            rs.add(FakeRuns.memory("rplrnn", "addition", lag, seed, true, 0.002));
        }
        rs.add(FakeRuns.reconstruction(dir, "lstm", 1, 4.0, 0.6, 0.3));
        rs.add(FakeRuns.reconstruction(dir, "rplrnn", 1, 0.5, 0.1, 0.02));
        rs.add(FakeRuns.reconstruction(dir, "rplrnn", 2, 0.7, 0.3, 0.05));
        Report.Written w = Report.write(dir, rs);
        String html = Files.readString(w.html());
        int firstH2 = html.indexOf("<h2");
        assertTrue(html.startsWith("Memory length vs memoryless generalization", html.indexOf('>', firstH2) + 1), "the page opens with the side-by-side table");
        String summary = html.substring(firstH2, html.indexOf("</table>", firstH2));
        assertTrue(summary.contains("<th>lstm</th><td class=\"ok\">T = 10 <span>(2/2 seeds)</span> <span class=\"interval\" "
                + "title=\"seeds solved/run by lag: 10: 2/2, 30: 0/2\">in [10, 30]: 0/2 at T = 30</span></td>"), summary);
        assertTrue(summary.contains("<th>rplrnn</th><td class=\"ok\">T ≥ 30 <span>(2/2 seeds; longest lag tried)</span></td>"), summary);
        assertTrue(summary.contains("<td>0.6 ± 0.141 <span>(2 seeds)</span></td>"), "rplrnn's D_stsp mean ± sd beside its memory length: " + summary);
        assertTrue(summary.contains("dstsp") && summary.contains("dh"), summary);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"file:"), "nothing loaded from elsewhere");
        // success + error per memory task, gradient norms, 2 DSR metric bars (dstsp, dh; not "error", which is dstsp again), 2 attractors
        assertEquals(2 + 1 + 2 + 2, w.figures());
        List<BufferedImage> images = images(html);
        assertEquals(w.figures(), images.size());
        for (BufferedImage img : images) assertTrue(distinctColors(img) > 20, "a drawn chart, not a blank image");
        assertTrue(html.contains("id=\"attractor-lorenz63-rplrnn\""), "an attractor plot per model");
        List<String> csv = Files.readAllLines(w.csv());
        assertEquals(rs.size() + 1, csv.size());
        assertTrue(csv.get(0).contains("metric:dstsp") && csv.get(0).contains("metric:fraction_correct"), csv.get(0));
        if (Files.getFileStore(w.html()).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(w.html()).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "a report is for sharing");
        }
        JsonNode json = JsonFiles.mapper().readTree(w.json().toFile());
        assertEquals(rs.size(), json.size());
    }

    private static void assertFalse(boolean b, String message) {
        assertTrue(!b, message);
    }

    @Test
    void aReportOfARealSuiteRunSaysThereIsNoReconstructionTask() throws Exception {
        String suite = String.join("\n", "name: real", "seeds: [1, 2]", "lags: [5, 8]",
                "training: {steps: 20, batch: 8, lr: 0.01}", "evaluation: {every: 10, validation-samples: 16, test-samples: 32}",
                "gradient-norms: {samples: 8, points: 5}", "models: [{kind: elman, options: {hidden: 4}}, {kind: irnn, options: {hidden: 4}}]",
                "tasks: [addition]", "");
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite s = new SuiteReader(runner).parse("real.yaml", suite, "quick");
        try (ResultsStore store = ResultsStore.open(dir)) {
            new SuiteRunner(runner, 2, false).run(s, store, SuiteListener.NONE);
        }
        byte[] store = Files.readAllBytes(dir.resolve(ResultsStore.FILE));
        Report.Written w = Report.write(dir);
        assertEquals(new String(store), new String(Files.readAllBytes(dir.resolve(ResultsStore.FILE))), "the report only reads the store");
        String html = Files.readString(w.html());
        assertTrue(html.contains("no reconstruction task in this suite"));
        assertEquals(3, w.figures(), "success, error and gradient-norm figures");
        assertEquals(3, images(html).size());
        assertEquals(8, w.runs().size());
    }

    @Test
    void aReportOfARealSuiteWithAReconstructionTaskShowsBothSidesAndTheAttractors() throws Exception {
        List<StoredRecord> records = org.longlag.tasks.suite.TinySuites.runMemoryAndDsr(dir);
        Report.Written w = Report.write(dir);
        String html = Files.readString(w.html());
        int firstH2 = html.indexOf("<h2");
        String summary = html.substring(firstH2, html.indexOf("</table>", firstH2));
        for (String metric : List.of("dstsp", "dh", "prediction_error")) assertTrue(summary.contains("<th>" + metric + "<br><span>lorenz63"), summary);
        String lstm = row(summary, "lstm"), shplrnn = row(summary, "shplrnn"), elman = row(summary, "elman");
        assertTrue(lstm.contains("(1 seed)") && !lstm.contains("not run"), "the LSTM has a memory length and D_H (D_stsp may be undefined after 12 updates): " + lstm);
        assertEquals(1, count(shplrnn, "not run"), "the shPLRNN ran only the reconstruction: " + shplrnn);
        assertTrue(shplrnn.contains("(1 seed)"), shplrnn);
        assertTrue(elman.endsWith("not run</td><td class=\"na\">not run</td><td class=\"na\">not run</td><td>4 ok</td></tr>"), elman);
        for (String model : List.of("lstm", "shplrnn")) {
            assertTrue(html.contains("id=\"attractor-lorenz63-" + model + "\""), "a generated-vs-true attractor plot for " + model);
        }
        // success + error (addition), gradient norms, 3 DSR metric bars, 2 attractors
        assertEquals(2 + 1 + 3 + 2, w.figures());
        for (BufferedImage img : images(html)) assertTrue(distinctColors(img) > 20, "a drawn chart, not a blank image");
        assertEquals(records.size(), w.runs().size());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    private static String row(String table, String model) {
        int i = table.indexOf("<tr><th>" + model + "</th>");
        assertTrue(i >= 0, "a row for " + model + ": " + table);
        return table.substring(i, table.indexOf("</tr>", i) + 5);
    }

    static List<BufferedImage> images(String html) throws Exception {
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<BufferedImage> out = new ArrayList<>();
        while (m.find()) out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        return out;
    }

    static int distinctColors(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }
}
