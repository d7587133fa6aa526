package org.longlag.models.autonomous;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StepTape;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.ObservationInverse;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.tensor.Mat;

/**
 * A trained model run freely (zero input, no forcing) in float64, on many trajectories at once:
 * start states inferred from observations, steps of the cell, and observations through the
 * readout. What reconstruction evaluations (free generation, n-step prediction error) are made of.
 *
 * <p>A start from an observation x is the state the model's training protocol starts from: one
 * step from the model's initial state z_0, then the leading units of state part 0 set to the
 * readout's inverse of x (identity readout: z[:N] = x; linear readout: pinv). With an identity
 * readout on every latent unit (as the GTF-shPLRNN reference's M = N) that is exactly the
 * reference's {@code init_state}; otherwise the units the data do not determine start where the
 * learned initial state leads them.
 */
public final class FreeRun {

    private static final int CHUNK = 1024;

    private final ModelSpec spec;
    private final SequenceModel model;
    private final Cell cell;
    private final Parameters cellWeights;
    private final ObservationInverse inverse;

    private FreeRun(SequenceModel model64) {
        this.model = model64;
        this.spec = model64.spec();
        this.cell = spec.cell();
        this.cellWeights = model64.weights().view(0);
        this.inverse = spec.readout().inverse(model64.weights().view(spec.readoutBlock()), cell.outputSize());
    }

    /** A free run of {@code model}'s current parameters (copied into a float64 model). */
    public static FreeRun of(SequenceModel model) {
        return new FreeRun(Float64.copy(model));
    }

    /** The float64 model this run steps. */
    public SequenceModel model() {
        return model;
    }

    public int stateSize() {
        return cell.stateSize();
    }

    public int observationSize() {
        return spec.outputSize();
    }

    /** The model's own initial state z_0 (its learned or zero start), concatenated. */
    public double[] initialState() {
        State z0 = State.zeros(cell.stateParts(), 1, Precision.FLOAT64);
        spec.initialState().fill(model.weights().view(spec.initialStateBlock()), z0);
        return z0.row(0);
    }

    /** Start states for observations x[k], as rows of a float64 state. */
    public State starts(double[][] x, int from, int to) {
        int rows = to - from;
        State z0 = State.zeros(cell.stateParts(), rows, Precision.FLOAT64);
        spec.initialState().fill(model.weights().view(spec.initialStateBlock()), z0);
        State z = State.zeros(cell.stateParts(), rows, Precision.FLOAT64);
        step(z0, z);
        double[] buf = new double[inverse.units()];
        Mat part = z.part(0);
        for (int r = 0; r < rows; r++) {
            double[] obs = x[from + r];
            if (obs.length != inverse.observationSize()) {
                throw new IllegalArgumentException("observation " + (from + r) + " has " + obs.length + " values, the model observes " + inverse.observationSize());
            }
            inverse.infer(obs, buf);
            for (int k = 0; k < buf.length; k++) part.set(r, k, buf[k]);
        }
        return z;
    }

    /** The start state for one observation, concatenated. */
    public double[] start(double[] x) {
        return starts(new double[][] {x}, 0, 1).row(0);
    }

    /** next = F(z, 0) for every row. */
    public void step(State z, State next) {
        StepTape tape = new StepTape(Precision.FLOAT64.zeros(z.batch(), cell.inputSize()), z, next, cell.newRecord(z.batch(), Precision.FLOAT64));
        cell.forward(cellWeights, tape);
    }

    /** Observations y = readout(z) of every row into {@code y} [rows x observationSize]. */
    public void observe(State z, Mat y) {
        spec.readout().forward(model.weights().view(spec.readoutBlock()), z.part(0), y);
    }

    /**
     * The observed trajectory of {@code length} points starting at the start state for x0 (point 0
     * is the observation of the start state, as the reference's {@code generate}). Rows after the
     * model left the finite numbers are NaN.
     */
    public double[][] generate(double[] x0, int length) {
        if (length < 1) throw new IllegalArgumentException("length must be at least 1, got " + length);
        State z = starts(new double[][] {x0}, 0, 1);
        State next = State.zeros(cell.stateParts(), 1, Precision.FLOAT64);
        Mat y = Precision.FLOAT64.zeros(1, observationSize());
        StepTape tape = new StepTape(Precision.FLOAT64.zeros(1, cell.inputSize()), z, next, cell.newRecord(1, Precision.FLOAT64));
        double[][] out = new double[length][];
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                cell.forward(cellWeights, tape);
                z.set(next);
            }
            observe(z, y);
            out[t] = new double[observationSize()];
            for (int j = 0; j < out[t].length; j++) out[t][j] = y.get(0, j);
            if (!isFinite(out[t])) {
                for (int s = t; s < length; s++) out[s] = nanRow(observationSize());
                break;
            }
        }
        return out;
    }

    /**
     * Mean squared error after 1..{@code steps} free steps from every start t = 0 .. T-steps-1 of
     * {@code truth}, over starts and dimensions: the n-step prediction error as
     * {@code org.longlag.dynamics.metrics.PredictionError} defines it, computed on batches of starts.
     */
    public double[] predictionErrorCurve(double[][] truth, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        int starts = truth.length - steps;
        if (starts < 1) throw new IllegalArgumentException("prediction error over " + steps + " steps needs more than " + steps + " points, got " + truth.length);
        int dim = observationSize();
        double[] sums = new double[steps];
        for (int from = 0; from < starts; from += CHUNK) {
            int to = Math.min(starts, from + CHUNK);
            State z = starts(truth, from, to);
            State next = State.zeros(cell.stateParts(), to - from, Precision.FLOAT64);
            Mat y = Precision.FLOAT64.zeros(to - from, dim);
            for (int k = 0; k < steps; k++) {
                step(z, next);
                State swap = z;
                z = next;
                next = swap;
                observe(z, y);
                for (int r = 0; r < to - from; r++) {
                    double[] target = truth[from + r + k + 1];
                    for (int j = 0; j < dim; j++) {
                        double d = y.get(r, j) - target[j];
                        sums[k] += d * d;
                    }
                }
            }
        }
        for (int k = 0; k < steps; k++) sums[k] /= (double) starts * dim;
        return sums;
    }

    private static boolean isFinite(double[] v) {
        for (double d : v) if (!Double.isFinite(d)) return false;
        return true;
    }

    private static double[] nanRow(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, Double.NaN);
        return r;
    }
}
