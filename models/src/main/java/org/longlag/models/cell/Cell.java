package org.longlag.models.cell;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * One recurrent step z_t = F(z_{t-1}, x_t; theta), written once for both precisions.
 *
 * <p>A cell is an immutable, validated description (its hyperparameters) plus stateless compute:
 * parameters, activations and gradients live outside it, so one cell serves every thread. The
 * shared BPTT engine ({@link org.longlag.models.bptt.Bptt}) owns the time loop; a cell only knows
 * one step: {@link #forward} records on its {@link StepTape} what {@link #backward} needs, and
 * backward turns dL/dz_t into parameter, input and previous-state gradients.
 *
 * <p>Implementations are records (their components are the configuration, serialized into model
 * files) with a {@code @JsonTypeName}, registered by the model kind that builds them
 * ({@code ModelKind#serializedTypes}, found on the class path like the kind itself), so a user's
 * own cell is saved and loaded like a built-in one. Every implementation passes the shared
 * contract test (central differences in float64, SameDiff autodiff, determinism, save/load).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Cell {

    /** Width of x_t. */
    int inputSize();

    /**
     * The state's named parts (and their segments), in order; part 0 is the output the readout
     * sees. Code that needs a part asks the {@link State} for it by name.
     */
    @JsonIgnore
    List<StatePart> stateParts();

    /** Widths of the state parts, in order (derived from {@link #stateParts()}). */
    @JsonIgnore
    default int[] stateSizes() {
        return StatePart.sizes(stateParts());
    }

    /** Width of state part 0, the features a readout sees. */
    @JsonIgnore
    default int outputSize() {
        return stateSizes()[0];
    }

    /** Total state size per sample (the dimension of the map z_{t-1} -> z_t). */
    @JsonIgnore
    default int stateSize() {
        int s = 0;
        for (int n : stateSizes()) s += n;
        return s;
    }

    /** The cell's parameter blocks; cells refer to them by position. */
    @JsonIgnore
    ParameterLayout parameterLayout();

    /** Writes initial parameter values, drawing randomness only from {@code rng}. */
    void initialize(Parameters w, SplittableRandom rng);

    /** Memory for what backward of one step needs beyond x_t, z_{t-1} and z_t. */
    StepRecord newRecord(int batch, Precision precision);

    /** Temporaries of the backward pass, shared by all steps of one unroll (one thread). */
    Scratch newScratch(int batch, Precision precision);

    /** z_t = F(z_{t-1}, x_t): reads tape.x() and tape.prev(), writes tape.next() and tape.record(). */
    void forward(Parameters w, StepTape tape);

    /**
     * Backward through one step.
     *
     * @param w       parameters (with transposes)
     * @param grad    parameter gradients, accumulated (+=), except the terms the cell
     *                {@link #defersParameterGradients defers}
     * @param tape    the step as forward left it
     * @param scratch this thread's temporaries
     * @param dNext   dL/dz_t; the cell may overwrite it
     * @param dPrev   receives dL/dz_{t-1} through this step (overwritten)
     * @param dx      receives dL/dx_t (overwritten), or null when not wanted
     */
    void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx);

    /**
     * Whether {@link #backward} leaves the parameter gradient out, for {@link #addParameterGradients}
     * to add over many steps at once. A weight gradient is a sum over steps of products like
     * dz_t^T f(z_{t-1}); taken one step at a time each is a thin product (the batch is its inner
     * dimension) that reads and writes the whole gradient matrix, while over a run of stacked steps
     * it is one product whose inner dimension is steps x batch, reading and writing that matrix once
     * per run (as cuDNN does for its RNNs). The cell must then leave dNext unchanged in backward.
     */
    default boolean defersParameterGradients() {
        return false;
    }

    /**
     * Adds the parameter gradient that {@link #backward} left out, for a run of steps whose backward
     * has been done (the BPTT engine calls it; only for cells that {@link #defersParameterGradients defer}).
     *
     * @param w     parameters (with transposes)
     * @param grad  parameter gradients, accumulated (+=)
     * @param steps the run's inputs, starting states and state gradients, stacked
     */
    default void addParameterGradients(Parameters w, Parameters grad, StackedSteps steps) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not defer its parameter gradients");
    }

    /**
     * A regularization term on the parameters alone, added to the loss once per batch; adds its
     * gradient into {@code grad} when non-null. Zero unless the cell has one (rPLRNN does).
     */
    default double regularization(Parameters w, Parameters grad) {
        return 0;
    }

    /** Marker for a cell's per-step forward memory. */
    interface StepRecord {
    }

    /** Marker for a cell's per-thread backward temporaries. */
    interface Scratch {
    }

    /** The empty record/scratch, for cells that need none. */
    enum Nothing implements StepRecord, Scratch {
        INSTANCE
    }
}
