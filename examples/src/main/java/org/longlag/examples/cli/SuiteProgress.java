package org.longlag.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.longlag.tasks.suite.StoredRecord;
import org.longlag.tasks.suite.SuiteListener;
import org.longlag.tasks.suite.SuiteRun;

/**
 * A progress bar on standard error over a suite's runs, in percent of the estimated work (each
 * run weighted by steps x batch x lag x hidden^2, advanced step by step), with the time left that
 * the rate so far predicts. A run that stops early (solved) gives back the work it did not need,
 * so the estimate corrects itself. Without a terminal (a log file, CI) it prints one line per
 * finished run with the same estimate instead. Runs that end badly are always printed as lines.
 */
final class SuiteProgress implements SuiteListener, AutoCloseable {

    private static final int SCALE = 1000;

    private final java.io.PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final WorkMap planned = new WorkMap(), done = new WorkMap();
    private final AtomicInteger finished = new AtomicInteger(), running = new AtomicInteger();
    private volatile int total;
    private volatile String last = "";
    private ProgressBar bar;

    /** Work per run key. */
    private static final class WorkMap extends ConcurrentHashMap<String, Double> {
        private static final long serialVersionUID = 1L;

        double sum() {
            double s = 0;
            for (double v : values()) s += v;
            return s;
        }
    }

    SuiteProgress(java.io.PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onPlan(List<SuiteRun> todo, int alreadyFinished) {
        total = todo.size();
        for (SuiteRun r : todo) {
            planned.put(r.key(), r.cost());
            done.put(r.key(), 0.0);
        }
        if (alreadyFinished > 0) err.printf(Locale.ROOT, "resuming: %d finished run(s) already in the store are skipped%n", alreadyFinished);
        if (todo.isEmpty() || !terminal) return;
        bar = new ProgressBarBuilder().setTaskName("suite").setInitialMax(SCALE).setStyle(ProgressBarStyle.ASCII).setUnit("%", SCALE / 100)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(1000).continuousUpdate().build();
        update();
    }

    @Override
    public void onStart(SuiteRun run) {
        running.incrementAndGet();
        update();
    }

    @Override
    public void onStep(SuiteRun run, int step) {
        if (step % 10 != 0) return;
        int steps = run.experiment().training().steps();
        done.put(run.key(), planned.getOrDefault(run.key(), 0.0) * step / steps);
        update();
    }

    @Override
    public void onFinish(SuiteRun run, StoredRecord record) {
        running.decrementAndGet();
        double did = done.getOrDefault(run.key(), 0.0);
        planned.put(run.key(), did > 0 ? did : planned.getOrDefault(run.key(), 0.0));
        done.put(run.key(), planned.get(run.key()));
        finished.incrementAndGet();
        String status = record.status();
        boolean solved = record.node().at("/summary/solved").asBoolean(false);
        last = run.id() + " " + (status.equals("ok") ? (solved ? "solved" : "not solved") : status);
        if (!status.equals("ok")) {
            String why = record.node().path(status.equals("failed") ? "error" : "diverged").asText();
            if (bar != null) bar.pause();
            err.printf(Locale.ROOT, "%n%s %s: %s%n", run.id(), status, why);
            if (bar != null) bar.resume();
        }
        if (!terminal) line(record);
        update();
    }

    private synchronized void update() {
        if (bar == null) return;
        double p = planned.sum();
        bar.stepTo(p <= 0 ? 0 : Math.min(SCALE, Math.round(SCALE * done.sum() / p)));
        bar.setExtraMessage(String.format(Locale.ROOT, "runs %d/%d done, %d running%s", finished.get(), total, running.get(),
                last.isEmpty() ? "" : "; last: " + last));
    }

    /** One line per finished run, for logs: count, run, outcome, and the time left the work done so far predicts. */
    private synchronized void line(StoredRecord record) {
        double p = planned.sum(), f = p <= 0 ? 1 : done.sum() / p, elapsed = (System.nanoTime() - start) / 1e9;
        String left = f <= 0 ? "?" : String.format(Locale.ROOT, "%.1f min", elapsed * (1 - f) / f / 60);
        err.printf(Locale.ROOT, "[%d/%d] %s (%.1f s); %.0f%% of the work done, about %s left%n", finished.get(), total, last,
                record.node().path("wall-seconds").asDouble(), 100 * f, left);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
