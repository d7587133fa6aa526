package org.longlag.tasks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium}), as a person would: the page
 * loads from a file with no network, every figure decodes to a non-empty image, and the
 * screenshot is not blank. The screenshot is kept at {@code target/report-check/screenshot.png}.
 * Skipped, saying so, only when no chromium is installed (CI installs it). To check another
 * report, e.g. the default suite's: {@code -Dlonglag.report=/path/to/report.html}.
 */
class ReportInBrowserTest {

    private static final Path OUT = Path.of("target", "report-check").toAbsolutePath();

    @Test
    void theReportRendersInHeadlessChromium() throws Exception {
        String chromium = find("chromium", "chromium-browser", "google-chrome");
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium): the browser check of the report is skipped");
        Files.createDirectories(OUT);
        Path report = System.getProperty("longlag.report") != null ? Path.of(System.getProperty("longlag.report")).toAbsolutePath() : sampleReport();
        String html = Files.readString(report);
        int expected = count(html, "<img ");
        assertTrue(expected > 0, "the report has figures");

        String dom = run(chromium, List.of("--dump-dom", "--virtual-time-budget=10000", report.toUri().toString()));
        Matcher figures = Pattern.compile("data-figures=\"(\\d+)\"").matcher(dom), rendered = Pattern.compile("data-figures-rendered=\"(\\d+)\"").matcher(dom);
        assertTrue(figures.find() && rendered.find(), "the page's load handler ran in the browser");
        assertEquals(expected, Integer.parseInt(figures.group(1)));
        assertEquals(expected, Integer.parseInt(rendered.group(1)), "every figure decoded with a non-zero natural size");
        assertTrue(dom.contains("Memory length vs memoryless generalization"));
        if (System.getProperty("longlag.report") == null) {
            assertTrue(dom.contains("id=\"attractor-lorenz63-lstm\"") && dom.contains("id=\"attractor-lorenz63-shplrnn\""),
                    "the generated-vs-true attractor figures are on the page");
        }

        Path shot = OUT.resolve("screenshot.png");
        Files.deleteIfExists(shot);
        run(chromium, List.of("--screenshot=" + shot, "--window-size=1400,3000", "--hide-scrollbars", report.toUri().toString()));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(3000, img.getHeight());
        // the table at the top and the first figures below it are drawn: many non-white pixels and many colours
        assertTrue(nonWhiteShare(img, 0, 700) > 0.02, "the top of the page (title and summary table) is drawn");
        assertTrue(nonWhiteShare(img, 700, 3000) > 0.02, "figures are drawn below the table");
        assertTrue(ReportTest.distinctColors(img) > 100, "charts in colour, not a blank page");
    }

    /**
     * The report of a real suite at toy sizes (addition on two models, Lorenz-63 reconstruction on
     * one of them and a shPLRNN), so every kind of figure is there: success and error vs lag,
     * gradient norms, reconstruction metrics and the generated-vs-true attractors drawn from the
     * trajectories the runs wrote beside the store.
     */
    private static Path sampleReport() throws Exception {
        Path dir = OUT.resolve("sample");
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        org.longlag.tasks.suite.TinySuites.runMemoryAndDsr(dir);
        return Report.write(dir).html();
    }

    private static String run(String chromium, List<String> args) throws Exception {
        Path profile = Files.createTempDirectory("longlag-chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile("longlag-chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done, "chromium finished within 180 s");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return text;
    }

    private static String find(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String n : names) if (Files.isExecutable(Path.of(dir, n))) return Path.of(dir, n).toString();
        }
        return null;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    private static double nonWhiteShare(BufferedImage img, int fromY, int toY) {
        long n = 0, all = 0;
        for (int y = fromY; y < Math.min(toY, img.getHeight()); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (r < 235 || g < 235 || b < 235) n++;
                all++;
            }
        }
        return (double) n / all;
    }
}
