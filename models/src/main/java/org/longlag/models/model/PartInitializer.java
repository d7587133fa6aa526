package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;

/**
 * Where z_0 of one named state part (or segment) comes from, inside a {@link PartwiseInitialState}:
 * the same row for every sequence, made from this initializer's own parameters (if any). The
 * built-in ones are below; a user's own is a {@code @JsonTypeName} record registered like any
 * serialized type ({@link org.longlag.models.io.SerializedTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface PartInitializer {

    /** This initializer's parameter blocks for a part of {@code width} values (empty if none). */
    ParameterLayout parameterLayout(int width);

    /** Writes initial parameter values, drawing randomness only from {@code rng}. */
    void initialize(Parameters w, int width, SplittableRandom rng);

    /** Writes the part's z_0 into every row of {@code part} [batch x width]. */
    void fill(Parameters w, Mat part);

    /** Adds dL/dparams from dL/dz_0 of the part, {@code dPart} [batch x width] (summed over the batch). */
    void backward(Parameters w, Parameters grad, Mat dPart);

    /** z_0 = 0. */
    static PartInitializer zero() {
        return new Zero();
    }

    /** Every value of z_0 is {@code value}. */
    static PartInitializer constant(double value) {
        return new Constant(value);
    }

    /** z_0 = theta, learned, starting N(0, std^2). */
    static PartInitializer learned(double std) {
        return new Learned(std);
    }

    /** z_0 = softmax(theta), learned, starting Glorot-uniform. */
    static PartInitializer learnedSoftmax() {
        return new SoftmaxLearned();
    }

    /** z_0 = tanh(theta), learned, starting Glorot-uniform. */
    static PartInitializer learnedTanh() {
        return new TanhLearned();
    }

    /** z_0 = tanh(rho), rho ~ N(0, std^2) drawn once and then fixed. */
    static PartInitializer randomTanh(double std) {
        return new RandomTanh(std);
    }

    // ------------------------------------------------------------------ the built-in initializers

    /** z_0 = 0, no parameters (also what a {@link PartwiseInitialState} does for a part it does not list). */
    @JsonTypeName("zero")
    record Zero() implements PartInitializer {

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.empty();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
        }

        @Override
        public void fill(Parameters w, Mat part) {
            part.zero();
        }

        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
        }
    }

    /**
     * Every value of z_0 is {@code value}, no parameters (e.g. Collier & Beel 2018's NTM memory of
     * 1e-6, which they found to converge fastest and most reliably).
     *
     * @param value finite
     */
    @JsonTypeName("constant")
    record Constant(double value) implements PartInitializer {

        public Constant {
            CellChecks.finite("value", value);
        }

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.empty();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
        }

        @Override
        public void fill(Parameters w, Mat part) {
            part.fill(value);
        }

        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
        }
    }

    /**
     * z_0 = theta, a learned row starting N(0, std^2) (0 gives a zero start).
     *
     * @param std non-negative
     */
    @JsonTypeName("learned")
    record Learned(double std) implements PartInitializer {

        public Learned {
            CellChecks.nonNegative("std", std);
        }

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.builder().vector("z0", width).build();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
            Initializers.gaussian(w.get(0), std, rng);
        }

        @Override
        public void fill(Parameters w, Mat part) {
            broadcast(w.get(0), part);
        }

        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
            grad.get(0).addColumnSums(dPart);
        }
    }

    /**
     * z_0 = theta, a learned row starting U[low, high).
     *
     * @param low  finite
     * @param high finite, at least {@code low}
     */
    @JsonTypeName("learned-uniform")
    record UniformLearned(double low, double high) implements PartInitializer {

        public UniformLearned {
            CellChecks.finite("low", low);
            CellChecks.finite("high", high);
            if (high < low) throw new IllegalArgumentException("high must be at least low (" + low + "), got " + high);
        }

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.builder().vector("z0", width).build();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
            Initializers.uniform(w.get(0), low, high, rng);
        }

        @Override
        public void fill(Parameters w, Mat part) {
            broadcast(w.get(0), part);
        }

        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
            grad.get(0).addColumnSums(dPart);
        }
    }

    /**
     * z_0 = softmax(theta), a learned probability vector (an NTM head's first weighting w_0), theta
     * starting Glorot-uniform for a [1 x n] matrix, U(-sqrt(6 / (1 + n)), sqrt(6 / (1 + n))), as
     * Collier & Beel 2018's. The random start matters for an NTM: with a constant memory and
     * uniform weightings every location looks alike, and nothing in addressing would ever break
     * that symmetry.
     */
    @JsonTypeName("learned-softmax")
    record SoftmaxLearned() implements PartInitializer {

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.builder().vector("logits", width).build();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
            double glorot = Math.sqrt(6.0 / (1 + width));
            Initializers.uniform(w.get(0), -glorot, glorot, rng);
        }

        @Override
        public void fill(Parameters w, Mat part) {
            broadcast(softmax(w.get(0)), part);
        }

        /** dtheta = softmax'(theta)^T sum_b dz_0. */
        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
            Mat d = columnSums(dPart);
            d.setRowSoftmaxBackward(softmax(w.get(0)), d);
            grad.get(0).addScaled(d, 1.0);
        }

        private static Mat softmax(Mat logits) {
            Mat p = logits.copy();
            p.setRowSoftmax(logits);
            return p;
        }
    }

    /**
     * z_0 = tanh(theta), learned, theta starting Glorot-uniform for a [1 x n] matrix (Collier & Beel
     * 2018's learned NTM memory).
     */
    @JsonTypeName("learned-tanh")
    record TanhLearned() implements PartInitializer {

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.builder().vector("theta", width).build();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
            double glorot = Math.sqrt(6.0 / (1 + width));
            Initializers.uniform(w.get(0), -glorot, glorot, rng);
        }

        @Override
        public void fill(Parameters w, Mat part) {
            broadcast(tanh(w.get(0)), part);
        }

        /** dtheta = tanh'(theta) .* sum_b dz_0. */
        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
            Mat d = columnSums(dPart);
            d.multiplyTanhDerivative(tanh(w.get(0)));
            grad.get(0).addScaled(d, 1.0);
        }

        private static Mat tanh(Mat theta) {
            Mat m = theta.copy();
            m.setTanh(theta);
            return m;
        }
    }

    /**
     * z_0 = tanh(rho), rho ~ N(0, std^2) drawn once when the model is created and then kept fixed
     * (Collier & Beel 2018's random NTM memory, std 0.5): stored with the parameters, so a saved
     * model keeps its draw, but it gets no gradient.
     *
     * @param std non-negative
     */
    @JsonTypeName("random-tanh")
    record RandomTanh(double std) implements PartInitializer {

        public RandomTanh {
            CellChecks.nonNegative("std", std);
        }

        @Override
        public ParameterLayout parameterLayout(int width) {
            return ParameterLayout.builder().vector("z0", width).build();
        }

        @Override
        public void initialize(Parameters w, int width, SplittableRandom rng) {
            Mat m = w.get(0);
            Initializers.gaussian(m, std, rng);
            m.setTanh(m);
        }

        @Override
        public void fill(Parameters w, Mat part) {
            broadcast(w.get(0), part);
        }

        @Override
        public void backward(Parameters w, Parameters grad, Mat dPart) {
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every row of {@code to} becomes {@code row}. */
    private static void broadcast(Mat row, Mat to) {
        to.zero();
        to.addRowBroadcast(row);
    }

    /** [1 x cols] sums over the rows of {@code m}. */
    private static Mat columnSums(Mat m) {
        Mat s = m.zerosLike(1, m.cols());
        s.addColumnSums(m);
        return s;
    }
}
