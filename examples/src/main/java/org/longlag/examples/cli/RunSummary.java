package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.longlag.tasks.experiment.EvaluationPoint;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.Resume;

/** What {@code train} and {@code resume} print after a run: its validations, training totals and test score. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintWriter o, ExperimentResult r, Path out) {
        for (EvaluationPoint p : r.history()) {
            o.printf(Locale.ROOT, "  step %6d  seq %8d  %6.1fs  loss %.4g  validation %s%n", p.step(), p.sequences(), p.seconds(), p.loss(), metrics(p.metrics()));
        }
        if (!r.diverged().isEmpty()) o.println("  " + r.diverged());
        String stop = r.stopReason().isEmpty() ? "" : "; " + r.stopReason();
        if (r.resumedFrom() == null) {
            o.printf(Locale.ROOT, "trained %d steps, %d sequences, %.1f s (%.0f seq/s)%s%n", r.steps(), r.sequences(), r.seconds(),
                    r.sequences() / Math.max(r.seconds(), 1e-9), stop);
        } else {
            long trained = r.sequences() - r.resumedFrom().sequences();
            o.printf(Locale.ROOT, "trained from step %d to %d (%d sequences in all), %.1f s (%.0f seq/s)%s%n", r.resumedFrom().step(), r.steps(),
                    r.sequences(), r.seconds(), trained / Math.max(r.seconds(), 1e-9), stop);
        }
        o.printf(Locale.ROOT, "test (%d sequences): %s%n", r.experiment().evaluation().testSamples(), r.test());
        r.generalization().forEach((name, score) -> o.printf(Locale.ROOT, "generalization %s: %s%n", name, score));
        o.printf(Locale.ROOT, "wrote %s and %s%n", out.resolve(Resume.RESULT), out.resolve(Resume.MODEL));
        o.flush();
    }

    /**
     * The exit code of a finished run: {@link Longlag#OK} when it did all its updates or stopped
     * once solved, {@link Longlag#STOPPED} when it stopped for another reason (it diverged, a
     * checkpoint could not be written): its result is written either way, with the reason.
     */
    static int exitCode(ExperimentResult r) {
        return r.completed() ? Longlag.OK : Longlag.STOPPED;
    }

    /** "name=value ..." with four significant digits. */
    static String metrics(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v)));
        return sb.toString();
    }
}
