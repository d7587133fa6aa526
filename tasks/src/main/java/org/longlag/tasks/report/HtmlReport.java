package org.longlag.tasks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report page: one self-contained HTML file (figures as data URIs, styles inline, no
 * scripts or fonts from elsewhere). It opens with the table "memory length vs memoryless
 * generalization" per model, then the memory figures and tables, gradient norms against lag,
 * the reconstruction metrics and attractors, and every run.
 */
final class HtmlReport {

    private final StringBuilder h = new StringBuilder();

    private HtmlReport() {
    }

    /** Everything the page shows. */
    record Content(String title, String subtitle, List<RunView> runs, List<String> models, List<MemoryLength.Curve> curves,
                   List<Figure> memoryFigures, List<Figure> gradientFigures, List<Figure> dsrFigures, List<Figure> attractorFigures,
                   String csvName, String jsonName, String storeName) {
    }

    static String render(Content c) {
        HtmlReport r = new HtmlReport();
        r.page(c);
        return r.h.toString();
    }

    private void page(Content c) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(c.title())).append("</title>\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(c.title())).append("</h1>\n<p class=\"sub\">").append(esc(c.subtitle())).append("</p>\n");
        summary(c);
        memory(c);
        gradients(c);
        reconstruction(c);
        allRuns(c);
        h.append("<footer>Every run as CSV: <a href=\"").append(esc(c.csvName())).append("\">").append(esc(c.csvName()))
                .append("</a>; as JSON: <a href=\"").append(esc(c.jsonName())).append("\">").append(esc(c.jsonName()))
                .append("</a>; the append-only results store: ").append(esc(c.storeName()))
                .append(". Rebuild this page with <code>longlag report DIR</code>.</footer>\n");
        h.append(SCRIPT).append("</body>\n</html>\n");
    }

    private void summary(Content c) {
        List<String> memoryTasks = new ArrayList<>(new LinkedHashSet<>(c.curves().stream().map(MemoryLength.Curve::task).toList()));
        List<String> dsrTasks = Reconstruction.tasks(c.runs());
        h.append("<h2 id=\"summary\">Memory length vs memoryless generalization</h2>\n<table class=\"summary\">\n<thead><tr><th>model</th>");
        for (String t : memoryTasks) h.append("<th>memory length<br><span>").append(esc(t)).append(", lags ").append(esc(lagRange(c.curves(), t))).append("</span></th>");
        List<String[]> dsrColumns = new ArrayList<>();
        for (String t : dsrTasks) for (String m : Reconstruction.headline(c.runs(), t)) dsrColumns.add(new String[] {t, m});
        for (String[] col : dsrColumns) {
            double chance = Reconstruction.chance(c.runs(), col[0], col[1]);
            h.append("<th>").append(esc(col[1])).append("<br><span>").append(esc(col[0])).append(", mean ± sd over seeds")
                    .append(Double.isNaN(chance) ? "" : "; memoryless stand-in " + fmt(chance)).append("</span></th>");
        }
        if (dsrColumns.isEmpty()) h.append("<th>memoryless generalization<br><span>DSR metrics</span></th>");
        h.append("<th>runs</th></tr></thead>\n<tbody>\n");
        List<Reconstruction.Summary> summaries = Reconstruction.summaries(c.runs());
        for (String model : c.models()) {
            h.append("<tr><th>").append(esc(model)).append("</th>");
            for (String t : memoryTasks) {
                MemoryLength.Curve curve = c.curves().stream().filter(x -> x.task().equals(t) && x.model().equals(model)).findFirst().orElse(null);
                h.append(memoryCell(curve));
            }
            for (String[] col : dsrColumns) {
                Reconstruction.Summary s = summaries.stream().filter(x -> x.task().equals(col[0]) && x.metric().equals(col[1]) && x.model().equals(model)).findFirst().orElse(null);
                if (s == null || s.runs() == 0) h.append("<td class=\"na\">not run</td>");
                else if (s.values().length == 0) h.append("<td class=\"fail\">undefined <span>(" + s.runs() + " run" + (s.runs() == 1 ? "" : "s")
                        + "; e.g. D<sub>stsp</sub> when no generated point falls in the true attractor's range)</span></td>");
                else h.append("<td>" + fmt(s.mean()) + (s.values().length > 1 ? " ± " + fmt(s.sd()) : "") + " <span>(" + s.values().length + " seed"
                        + (s.values().length == 1 ? "" : "s") + (s.values().length < s.runs() ? " of " + s.runs() + " runs; the others undefined" : "") + ")</span></td>");
            }
            if (dsrColumns.isEmpty()) h.append("<td class=\"na\">no reconstruction task in this suite</td>");
            h.append("<td>").append(esc(runCounts(c.runs(), model))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        h.append("<p class=\"def\"><b>Memory length</b>: the largest lag T of the suite at which more than half of a model's seeds solve the task on held-out "
                + "test data by the task's own criterion (addition and multiplication: fraction of test sequences with |error| &lt; 0.04 at least 0.9); "
                + "a diverged run counts as not solved. Between the lags run it is an interval, [longest solved, shortest failed above it] (hover for "
                + "every lag's seeds solved/run); \"not monotone\" flags a lag solved above one that failed. \"none\" means no tested lag qualifies, so the memory length is below the smallest lag tried, "
                + "or the training budget was too small to find it. <b>Memoryless generalization</b>: how well the trained model, run freely, "
                + "reproduces the system it was trained on, measured by the reconstruction task's metrics (D<sub>stsp</sub>: state-space divergence; "
                + "D<sub>H</sub>: Hellinger distance of power spectra; lower is better).</p>\n");
    }

    private static String memoryCell(MemoryLength.Curve curve) {
        if (curve == null) return "<td class=\"na\">not run</td>";
        int len = curve.memoryLength(), failed = curve.shortestFailed();
        String interval = " <span class=\"interval\" title=\"seeds solved/run by lag: " + esc(curve.probes()) + "\">in " + esc(curve.interval())
                + (failed < 0 ? "" : ": " + curve.at(failed).solved() + "/" + curve.at(failed).seeds() + " at T = " + failed) + "</span>";
        String flag = curve.nonMonotone().isEmpty() ? "" : " <span class=\"flag\">not monotone: T = " + curve.nonMonotone().get(0) + " solved above T = "
                + curve.failedBelow(curve.nonMonotone().get(0)) + ", which failed</span>";
        if (len < 0) {
            MemoryLength.Point first = curve.points().get(0);
            return "<td class=\"fail\">none <span>(" + first.solved() + "/" + first.seeds() + " seeds at T = " + first.lag() + ")</span>" + flag + "</td>";
        }
        MemoryLength.Point p = curve.at(len);
        boolean top = len == curve.points().get(curve.points().size() - 1).lag();
        return "<td class=\"ok\">" + (top ? "T ≥ " : "T = ") + len + " <span>(" + p.solved() + "/" + p.seeds() + " seeds" + (top ? "; longest lag tried" : "") + ")</span>"
                + (top ? "" : interval) + flag + "</td>";
    }

    private static String lagRange(List<MemoryLength.Curve> curves, String task) {
        TreeSet<Integer> lags = new TreeSet<>();
        for (MemoryLength.Curve c : curves) if (c.task().equals(task)) for (MemoryLength.Point p : c.points()) lags.add(p.lag());
        return lags.size() == 1 ? String.valueOf(lags.first()) : lags.first() + "–" + lags.last();
    }

    private static String runCounts(List<RunView> runs, String model) {
        int ok = 0, diverged = 0, failed = 0;
        for (RunView r : runs) {
            if (!r.group().equals(model)) continue;
            switch (r.status()) {
                case "ok": ok++; break;
                case "diverged": diverged++; break;
                default: failed++; break;
            }
        }
        return ok + " ok" + (diverged > 0 ? ", " + diverged + " diverged" : "") + (failed > 0 ? ", " + failed + " failed" : "");
    }

    private void memory(Content c) {
        h.append("<h2 id=\"memory\">Memory: success vs lag</h2>\n");
        if (c.curves().isEmpty()) {
            h.append("<p class=\"na\">No memory task in this store.</p>\n");
            return;
        }
        Set<String> tasks = new LinkedHashSet<>(c.curves().stream().map(MemoryLength.Curve::task).toList());
        for (String task : tasks) {
            for (Figure f : c.memoryFigures()) if (f.id().endsWith("-" + MemoryFigures.slug(task))) figure(f);
            List<MemoryLength.Curve> cs = c.curves().stream().filter(x -> x.task().equals(task)).toList();
            TreeSet<Integer> lags = new TreeSet<>();
            for (MemoryLength.Curve x : cs) for (MemoryLength.Point p : x.points()) lags.add(p.lag());
            MemoryLength.Curve first = cs.get(0);
            h.append("<table class=\"grid\"><caption>").append(esc(task)).append(": seeds solved / seeds, best test error, best ")
                    .append(esc(first.primary())).append(" (chance error ").append(fmt(first.points().get(0).chanceError())).append(")</caption>\n<thead><tr><th>model</th>");
            for (int lag : lags) h.append("<th>T = ").append(lag).append("</th>");
            h.append("</tr></thead><tbody>\n");
            for (MemoryLength.Curve x : cs) {
                h.append("<tr><th>").append(esc(x.model())).append("</th>");
                for (int lag : lags) {
                    MemoryLength.Point p = x.at(lag);
                    if (p == null) {
                        h.append("<td class=\"na\">–</td>");
                        continue;
                    }
                    h.append("<td class=\"").append(p.majoritySolved() ? "ok" : p.solved() > 0 ? "part" : "fail").append("\">")
                            .append(p.solved()).append("/").append(p.seeds()).append(" <span>err ").append(fmt(p.bestError()))
                            .append(", ").append(fmt(p.bestPrimary())).append(p.diverged() > 0 ? ", " + p.diverged() + " diverged" : "").append("</span></td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
    }

    private void gradients(Content c) {
        h.append("<h2 id=\"gradients\">Gradient norm vs lag</h2>\n");
        if (c.gradientFigures().isEmpty()) h.append("<p class=\"na\">No gradient norms in this store (memory tasks with gradient-norms.samples &gt; 0 record them).</p>\n");
        for (Figure f : c.gradientFigures()) figure(f);
    }

    private void reconstruction(Content c) {
        h.append("<h2 id=\"dsr\">Memoryless generalization: dynamical-system reconstruction</h2>\n");
        if (c.dsrFigures().isEmpty()) {
            h.append("<p class=\"na\">No reconstruction task in this store: add a reconstruction task to the suite to measure D<sub>stsp</sub>, "
                    + "D<sub>H</sub> and to plot generated vs true attractors.</p>\n");
            return;
        }
        for (Figure f : c.dsrFigures()) figure(f);
        if (c.attractorFigures().isEmpty()) h.append("<p class=\"na\">The reconstruction runs stored no trajectories to draw.</p>\n");
        else {
            h.append("<div class=\"pair\">");
            for (Figure f : c.attractorFigures()) figure(f);
            h.append("</div>\n");
        }
    }

    private void allRuns(Content c) {
        List<String> metricNames = new ArrayList<>(new LinkedHashSet<>(c.runs().stream().flatMap(r -> r.metrics().keySet().stream()).toList()));
        h.append("<h2 id=\"runs\">All runs (").append(c.runs().size()).append(")</h2>\n<details").append(c.runs().size() <= 40 ? " open" : "")
                .append("><summary>one row per run; newest record per run key</summary>\n<table class=\"runs\"><thead><tr><th>run</th><th>status</th>"
                        + "<th>solved</th><th>steps</th><th>train s</th>");
        for (String m : metricNames) h.append("<th>").append(esc(m)).append("</th>");
        h.append("<th>chance error</th><th>note</th></tr></thead><tbody>\n");
        for (RunView r : c.runs()) {
            h.append("<tr><td title=\"key ").append(esc(r.key())).append("\">").append(esc(r.id())).append("</td><td class=\"")
                    .append(r.status().equals("ok") ? "" : "fail").append("\">").append(esc(r.status())).append("</td><td>")
                    .append(r.scored() ? (r.solved() ? "yes" : "no") : "").append("</td><td>").append(r.steps()).append("</td><td>")
                    .append(fmt(r.trainSeconds())).append("</td>");
            for (String m : metricNames) {
                Double v = r.metrics().get(m);
                h.append("<td>").append(v == null ? "" : fmt(v)).append("</td>");
            }
            h.append("<td>").append(r.scored() ? fmt(r.chanceError()) : "").append("</td><td class=\"note\">").append(esc(r.problem())).append("</td></tr>\n");
        }
        h.append("</tbody></table></details>\n");
    }

    private void figure(Figure f) {
        h.append("<figure id=\"").append(esc(f.id())).append("\"><img alt=\"").append(esc(f.title())).append("\" src=\"").append(f.dataUri())
                .append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "%.2e", v);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String CSS = String.join("\n",
            "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}",
            "h1{margin-bottom:4px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}",
            ".sub{color:#555;margin-top:0}.def{color:#444;font-size:14px;max-width:1000px}",
            "table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #ccc;padding:5px 9px;text-align:left;vertical-align:top}",
            "thead th{background:#f3f3f3}th span,td span{color:#666;font-size:12px;font-weight:normal}",
            "table.summary td,table.summary th{font-size:15px;padding:8px 12px}",
            "span.flag{color:#a00;font-weight:bold}td.ok{background:#e6f4e6}td.part{background:#fdf5dc}td.fail{background:#fbe9e9}td.na,p.na{color:#888;font-style:italic}",
            "caption{text-align:left;font-weight:bold;padding:4px 0}",
            "table.runs td,table.runs th{font-size:12px;padding:3px 6px}td.note{max-width:380px;color:#a33}",
            "figure{margin:18px 0}figure img{max-width:100%;border:1px solid #eee}figcaption{color:#444;font-size:13px;max-width:760px}",
            ".pair{display:flex;flex-wrap:wrap;gap:12px}.pair figure{width:560px}",
            "footer{margin-top:40px;color:#666;font-size:13px;border-top:1px solid #ddd;padding-top:8px}",
            "");

    /** Marks on the body how many figures decoded (for automated checks in a headless browser). */
    private static final String SCRIPT = "<script>\nwindow.addEventListener('load', function () {\n"
            + "  var imgs = Array.prototype.slice.call(document.images);\n"
            + "  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; }).length;\n"
            + "  document.body.setAttribute('data-figures', String(imgs.length));\n"
            + "  document.body.setAttribute('data-figures-rendered', String(ok));\n"
            + "});\n</script>\n";
}
