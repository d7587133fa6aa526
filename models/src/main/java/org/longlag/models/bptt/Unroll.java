package org.longlag.models.bptt;

import java.util.List;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.StackedSteps;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.cell.StepTape;
import org.longlag.models.tensor.Mat;

/**
 * One thread's memory for unrolling a cell over up to {@link #capacity()} steps on a fixed batch:
 * inputs, states z_0..z_T, the cell's per-step records, and backward temporaries. Allocated once
 * and reused across batches, so the hot loop allocates nothing (but the row index of a
 * {@link StackedSteps} view, one per run of steps).
 *
 * <p>{@code states[t]} is z_t as the cell produced it; {@code fed[t]} is the state step t+1 starts
 * from: the same object, or a separate teacher-forced copy when forcing is on.
 */
public final class Unroll {

    private final Cell cell;
    private final int batch;
    private final Precision precision;
    private final boolean forcing;
    private Mat[] inputs = new Mat[0];
    private State[] states;
    private State[] fed;
    private StepTape[] tapes = new StepTape[0];
    private final Cell.Scratch scratch;
    /** A ring of state gradients: slot t mod length holds dL/dz_{t+1} while steps t+1.. need it. */
    private State[] gradients = new State[0];

    /**
     * @param forcing whether teacher forcing will be used (allocates the forced-state copies)
     */
    public Unroll(Cell cell, int batch, Precision precision, boolean forcing) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        this.cell = cell;
        this.batch = batch;
        this.precision = precision;
        this.forcing = forcing;
        this.states = new State[] {newState()};
        this.fed = new State[] {states[0]};
        this.scratch = cell.newScratch(batch, precision);
    }

    private State newState() {
        return State.zeros(cell.stateParts(), batch, precision);
    }

    /** Grows to hold {@code steps} steps (never shrinks). */
    public void ensureCapacity(int steps) {
        if (steps <= inputs.length) return;
        int old = inputs.length;
        Mat[] in = java.util.Arrays.copyOf(inputs, steps);
        State[] st = java.util.Arrays.copyOf(states, steps + 1);
        State[] fd = java.util.Arrays.copyOf(fed, steps + 1);
        StepTape[] tp = java.util.Arrays.copyOf(tapes, steps);
        for (int t = old; t < steps; t++) {
            in[t] = precision.zeros(batch, cell.inputSize());
            st[t + 1] = newState();
            fd[t + 1] = forcing ? newState() : st[t + 1];
            tp[t] = new StepTape(in[t], fd[t], st[t + 1], cell.newRecord(batch, precision));
        }
        inputs = in;
        states = st;
        fed = fd;
        tapes = tp;
    }

    public int capacity() {
        return inputs.length;
    }

    public Cell cell() {
        return cell;
    }

    public int batch() {
        return batch;
    }

    public Precision precision() {
        return precision;
    }

    public boolean forcing() {
        return forcing;
    }

    /** x_t, t in [0, capacity). Fill before {@link Bptt#forward}. */
    public Mat input(int t) {
        return inputs[t];
    }

    /** z_0, the initial state. Fill before {@link Bptt#forward}. */
    public State initial() {
        return states[0];
    }

    /** z_t as the cell produced it (t = 0 is the initial state). */
    public State state(int t) {
        return states[t];
    }

    /** The state step t+1 starts from: z_t, or its teacher-forced version. */
    public State fed(int t) {
        return fed[t];
    }

    StepTape tape(int t) {
        return tapes[t];
    }

    Cell.Scratch scratch() {
        return scratch;
    }

    /** Grows the ring of state gradients to at least {@code size} slots (never shrinks). */
    void ensureGradientRing(int size) {
        if (size <= gradients.length) return;
        State[] g = java.util.Arrays.copyOf(gradients, size);
        for (int i = gradients.length; i < size; i++) g[i] = newState();
        gradients = g;
    }

    /** dL/dz_{t+1}, the gradient step t's backward receives (t = -1: dL/dz_0), in the ring. */
    State gradient(int t) {
        return gradients[Math.floorMod(t, gradients.length)];
    }

    /** Steps from..to-1 stacked (inputs, starting states, and their state gradients still in the ring). */
    StackedSteps stacked(int from, int to) {
        int n = to - from, parts = states[0].partCount();
        Mat[] x = new Mat[n];
        Mat[][] prev = new Mat[parts][n], dNext = new Mat[parts][n];
        for (int s = 0; s < n; s++) {
            StepTape tape = tapes[from + s];
            x[s] = tape.x();
            for (int k = 0; k < parts; k++) {
                prev[k][s] = tape.prev().part(k);
                dNext[k][s] = gradient(from + s).part(k);
            }
        }
        Mat[] stackedPrev = new Mat[parts], stackedDNext = new Mat[parts];
        for (int k = 0; k < parts; k++) {
            stackedPrev[k] = Mat.stackRows(prev[k]);
            stackedDNext[k] = Mat.stackRows(dNext[k]);
        }
        List<StatePart> layout = states[0].layout();
        return new StackedSteps(Mat.stackRows(x), new State(layout, stackedPrev), new State(layout, stackedDNext));
    }
}
