package org.longlag.models.train;

import org.longlag.models.cell.CellChecks;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Which ND4J updater trains the model, with its learning rate; other hyperparameters are ND4J's
 * defaults (Adam: beta1 0.9, beta2 0.999, epsilon 1e-8; RmsProp: decay 0.95, epsilon 1e-8).
 *
 * <p>With a final learning rate the rate decays exponentially over the run, eta_k = eta_0 gamma^k
 * with gamma = (eta_final / eta_0)^(1/steps), so the last update uses eta_final (the schedule of
 * the GTF-shPLRNN reference, {@code start_lr} 1e-3 to {@code end_lr} 1e-6, {@code src/parsing.jl}).
 *
 * @param kind              ADAM, RMSPROP or SGD
 * @param learningRate      positive: the (starting) learning rate
 * @param finalLearningRate 0 for a constant rate, else the positive rate the run decays to
 */
public record Optimizer(Kind kind, double learningRate, double finalLearningRate) {

    public enum Kind { ADAM, RMSPROP, SGD }

    public Optimizer {
        CellChecks.notNull("kind", kind);
        CellChecks.positive("learningRate", learningRate);
        CellChecks.nonNegative("finalLearningRate", finalLearningRate);
    }

    /** A constant learning rate. */
    public Optimizer(Kind kind, double learningRate) {
        this(kind, learningRate, 0);
    }

    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, learningRate);
    }

    public static Optimizer rmsProp(double learningRate) {
        return new Optimizer(Kind.RMSPROP, learningRate);
    }

    /** The same updater decaying exponentially to {@code rate} over a run (0 for a constant rate). */
    public Optimizer withFinalLearningRate(double rate) {
        return new Optimizer(kind, learningRate, rate);
    }

    /** A fresh ND4J updater configuration with a constant learning rate. */
    public IUpdater toUpdater() {
        return build(null);
    }

    /** A fresh ND4J updater configuration for a run of {@code steps} updates (decaying if asked). */
    public IUpdater toUpdater(int steps) {
        CellChecks.positive("steps", steps);
        if (finalLearningRate == 0 || finalLearningRate == learningRate) return build(null);
        double gamma = Math.exp(Math.log(finalLearningRate / learningRate) / Math.max(1, steps - 1));
        return build(new ExponentialSchedule(ScheduleType.ITERATION, learningRate, gamma));
    }

    private IUpdater build(ISchedule schedule) {
        switch (kind) {
            case ADAM: return schedule == null ? new Adam(learningRate) : new Adam(schedule);
            case RMSPROP: return schedule == null ? new RmsProp(learningRate) : new RmsProp(schedule);
            case SGD: return schedule == null ? new Sgd(learningRate) : new Sgd(schedule);
            default: throw new AssertionError(kind);
        }
    }

    /** Parses "adam", "rmsprop" or "sgd". */
    public static Kind parseKind(String s) {
        try {
            return Kind.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + s + "': expected adam, rmsprop or sgd");
        }
    }
}
