package org.longlag.models.bptt;

import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StepTape;
import org.longlag.models.tensor.Mat;

/**
 * The one unroll and backpropagation-through-time loop shared by every cell.
 *
 * <p>Forward: z_{t} = F(fed(z_{t-1}), x_t) for t = 1..T, where fed() is the identity or teacher
 * forcing. Backward walks t = T..1, adding the objective's dL/dz_t, through forcing's backward and
 * the cell's backward. States and state gradients are flushed of denormal numbers every step: long
 * BPTT in float32 would otherwise run many times slower.
 *
 * <p>A cell that {@linkplain Cell#defersParameterGradients defers} its parameter gradient gets it
 * added for runs of consecutive steps at once, each run stacked into one batch of about
 * {@code stackedRows} rows: the state gradients of a run are kept in a ring until then, so the
 * memory this takes does not grow with T.
 *
 * @param forcing     teacher forcing rule ({@link TeacherForcing#NONE} for none)
 * @param truncation  0 for full BPTT, else gradients do not cross the boundaries of consecutive
 *                    windows of this many steps (truncated BPTT)
 * @param stackedRows rows (steps x batch) of a run of stacked steps, at least 1; the run has
 *                    ceil(stackedRows / batch) steps, or all steps if fewer
 */
public record Bptt(TeacherForcing forcing, int truncation, int stackedRows) {

    /**
     * Rows of a run of stacked steps unless given: sgemm's speed has levelled off well before this
     * inner dimension (measured from 500 rows on), and a run's operands stay small (4096 x M floats).
     */
    public static final int DEFAULT_STACKED_ROWS = 4096;

    /** Full BPTT without teacher forcing. */
    public static final Bptt FULL = new Bptt(TeacherForcing.NONE, 0);

    public Bptt {
        if (forcing == null) throw new IllegalArgumentException("forcing must be given (TeacherForcing.NONE for none)");
        if (truncation < 0) throw new IllegalArgumentException("truncation must be 0 (full BPTT) or positive, got " + truncation);
        if (stackedRows < 1) throw new IllegalArgumentException("stackedRows must be at least 1, got " + stackedRows);
    }

    /** With the default {@link #DEFAULT_STACKED_ROWS}. */
    public Bptt(TeacherForcing forcing, int truncation) {
        this(forcing, truncation, DEFAULT_STACKED_ROWS);
    }

    /** Runs the cell over steps 0..steps-1 from {@code u.initial()} with inputs {@code u.input(t)}. */
    public void forward(Parameters w, Unroll u, int steps) {
        checkSteps(u, steps);
        Cell cell = u.cell();
        if (forcing.forces(-1)) requireForcing(u).force(-1, u.state(0), u.fed(0));
        for (int t = 0; t < steps; t++) {
            StepTape tape = u.tape(t);
            cell.forward(w, tape);
            tape.next().flushDenormals();
            if (forcing.forces(t)) requireForcing(u).force(t, tape.next(), u.fed(t + 1));
            else if (u.fed(t + 1) != tape.next()) u.fed(t + 1).set(tape.next());
        }
    }

    /**
     * Backward over steps steps-1..0 after {@link #forward}.
     *
     * @param grad       parameter gradients of the cell, accumulated
     * @param objective  adds dL/dz_t at each step
     * @param dInputs    if non-null, receives dL/dx_t for each t (each [batch x inputSize])
     * @return the loss summed over steps, and {@code initialGradient} receives dL/dz_0
     */
    public double backward(Parameters w, Parameters grad, Unroll u, int steps, StateObjective objective,
                           Mat[] dInputs, State initialGradient) {
        checkSteps(u, steps);
        Cell cell = u.cell();
        boolean defer = cell.defersParameterGradients();
        int run = defer ? (int) Math.min(steps, ((long) stackedRows + u.batch() - 1) / u.batch()) : 1;
        u.ensureGradientRing(run + 1);
        u.gradient(steps - 1).zero();
        double loss = 0;
        int runEnd = steps; // steps t..runEnd-1 are done but for their deferred parameter gradient
        for (int t = steps - 1; t >= 0; t--) {
            StepTape tape = u.tape(t);
            State dz = u.gradient(t), dzPrev = u.gradient(t - 1);
            loss += objective.accumulate(t, tape.next(), dz);
            cell.backward(w, grad, tape, u.scratch(), dz, dzPrev, dInputs == null ? null : dInputs[t]);
            dzPrev.flushDenormals();
            if (forcing.forces(t - 1)) forcing.backward(t - 1, u.state(t), dzPrev);
            if (truncation > 0 && t > 0 && t % truncation == 0) dzPrev.zero();
            if (defer && (runEnd - t == run || t == 0)) {
                cell.addParameterGradients(w, grad, u.stacked(t, runEnd));
                runEnd = t;
            }
        }
        if (initialGradient != null) initialGradient.set(u.gradient(-1));
        return loss;
    }

    private TeacherForcing requireForcing(Unroll u) {
        if (!u.forcing()) throw new IllegalStateException("teacher forcing needs an Unroll created with forcing = true");
        return forcing;
    }

    private static void checkSteps(Unroll u, int steps) {
        if (steps < 1 || steps > u.capacity()) {
            throw new IllegalArgumentException("steps must be in [1, " + u.capacity() + "], got " + steps);
        }
    }
}
