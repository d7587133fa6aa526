package org.longlag.models.train;

import org.longlag.models.cell.CellChecks;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Which ND4J updater trains the model, with its learning rate; other hyperparameters are ND4J's
 * defaults (Adam: beta1 0.9, beta2 0.999, epsilon 1e-8; RmsProp: decay 0.95, epsilon 1e-8).
 *
 * @param kind         ADAM, RMSPROP or SGD
 * @param learningRate positive
 */
public record Optimizer(Kind kind, double learningRate) {

    public enum Kind { ADAM, RMSPROP, SGD }

    public Optimizer {
        CellChecks.notNull("kind", kind);
        CellChecks.positive("learningRate", learningRate);
    }

    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, learningRate);
    }

    public static Optimizer rmsProp(double learningRate) {
        return new Optimizer(Kind.RMSPROP, learningRate);
    }

    /** A fresh ND4J updater configuration. */
    public IUpdater toUpdater() {
        switch (kind) {
            case ADAM: return new Adam(learningRate);
            case RMSPROP: return new RmsProp(learningRate);
            case SGD: return new Sgd(learningRate);
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
