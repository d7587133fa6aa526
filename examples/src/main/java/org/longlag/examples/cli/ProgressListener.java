package org.longlag.examples.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;
import org.longlag.models.train.TrainingResult;
import org.longlag.tasks.experiment.EvaluationPoint;
import org.longlag.tasks.experiment.ValidationListener;

/**
 * A progress bar on standard error over training steps, with the running loss and the last
 * validation score; each validation score is also printed on a line of its own.
 */
final class ProgressListener implements TrainingListener, ValidationListener, AutoCloseable {

    private final String name;
    private ProgressBar bar;
    private int steps;
    private double smoothed = Double.NaN;
    private String validation = "";

    ProgressListener(String name) {
        this.name = name;
    }

    @Override
    public void onStart(SequenceModel model, TrainingConfig config) {
        steps = config.steps();
    }

    @Override
    public void onStep(SequenceModel model, StepReport r, TrainingControl control) {
        if (bar == null) { // built at the first update: a resumed run starts past 0, and its rate counts only its own updates
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).continuousUpdate()
                    .startsFrom(r.step() - 1, java.time.Duration.ZERO).build();
        }
        smoothed = Double.isNaN(smoothed) ? r.loss() : 0.95 * smoothed + 0.05 * r.loss();
        bar.stepTo(r.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4g%s", smoothed, validation));
    }

    @Override
    public void onValidation(EvaluationPoint p) {
        StringBuilder sb = new StringBuilder();
        p.metrics().forEach((k, v) -> {
            if (!k.equals("error")) sb.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v));
        });
        System.err.printf(Locale.ROOT, "%n  validation at step %d (%d sequences, %.0f s):%s%n", p.step(), p.sequences(), p.seconds(), sb);
        String first = sb.toString().trim().split(" ")[0];
        validation = first.isEmpty() ? "" : " | " + first;
    }

    @Override
    public void onEnd(SequenceModel model, TrainingResult result) {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
