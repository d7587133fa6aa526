package org.longlag.examples.cli;

import org.longlag.models.train.Optimizer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.suite.TrainingSettings;
import picocli.CommandLine.Option;

/**
 * The training flags of train, dsr, stability and sweep, declared once (a picocli mixin). A
 * command that trains otherwise by default mixes in an instance with its own defaults (picocli
 * shows and applies the initial values); where its wording differs it gives the text in its
 * resource bundle, under the flag's name.
 */
final class TrainingOptions {

    @Option(names = "--batch", description = "sequences per update (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", description = "maximal number of updates (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--lr", description = "learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--final-lr", description = "learning rate at the last update, exponential decay; 0 for constant (default ${DEFAULT-VALUE})")
    double finalLr;

    @Option(names = "--optimizer", description = "adam, rmsprop or sgd (default ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--clip", description = "global gradient-norm clipping, 0 for none (default ${DEFAULT-VALUE})")
    double clip;

    /** The defaults of train and sweep: 5000 updates of 32 sequences, Adam at a constant 1e-3, gradient-norm clipping at 1. */
    TrainingOptions() {
        this.batch = 32;
        this.steps = 5000;
        this.lr = 1e-3;
        this.finalLr = 0;
        this.optimizer = "adam";
        this.clip = 1.0;
    }

    /** These defaults with another number of updates. */
    TrainingOptions steps(int s) {
        steps = s;
        return this;
    }

    /** These defaults with another batch size. */
    TrainingOptions batch(int b) {
        batch = b;
        return this;
    }

    /** These defaults with another final learning rate. */
    TrainingOptions finalLr(double f) {
        finalLr = f;
        return this;
    }

    /** These defaults with another clipping threshold. */
    TrainingOptions clip(double c) {
        clip = c;
        return this;
    }

    /** The training config on this many threads (its seed is the run's to derive: see {@code Experiment}). */
    TrainingConfig config(int threads) {
        if (steps < 1) throw new Longlag.UsageException("--steps must be at least 1, got " + steps);
        return config(threads, steps);
    }

    /** The same with another number of updates (stability takes 0 to mean none). */
    TrainingConfig config(int threads, int updates) {
        check();
        return new TrainingConfig(updates, batch, new Optimizer(Optimizer.parseKind(optimizer), lr, finalLr), clip, threads, 0L, 0);
    }

    /** Each value checked under its flag's name (the records check them too, under their own names). */
    void check() {
        if (batch < 1) throw new Longlag.UsageException("--batch must be at least 1, got " + batch);
        if (!(lr > 0) || !Double.isFinite(lr)) throw new Longlag.UsageException("--lr must be a positive finite number, got " + lr);
        if (!(finalLr >= 0) || !Double.isFinite(finalLr)) throw new Longlag.UsageException("--final-lr must be 0 (constant) or a positive finite number, got " + finalLr);
        if (!(clip >= 0) || !Double.isFinite(clip)) throw new Longlag.UsageException("--clip must be 0 (off) or a positive finite number, got " + clip);
    }

    /** The same as a suite's training setting (sweep). */
    TrainingSettings settings() {
        check();
        if (steps < 1) throw new Longlag.UsageException("--steps must be at least 1, got " + steps);
        return new TrainingSettings("", steps, batch, optimizer, lr, finalLr, clip, 0);
    }
}
