package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;

/**
 * Where z_0 comes from: zeros, learned parameters shared by every sequence, or one initializer per
 * named state part ({@link PartwiseInitialState}). Implementations are {@code @JsonTypeName}
 * records registered as serialized types ({@link org.longlag.models.io.SerializedTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface InitialState {

    /** The parameter blocks of z_0 for a cell with these state parts (empty if none). */
    ParameterLayout parameterLayout(List<StatePart> parts);

    /** Writes initial parameter values, drawing randomness only from {@code rng}. */
    void initialize(Parameters w, List<StatePart> parts, SplittableRandom rng);

    /** Writes z_0 for every row of {@code s0}. */
    void fill(Parameters w, State s0);

    /**
     * Adds dL/dparams from dL/dz_0 (summed over the batch). {@code w} are the parameter values, for
     * initial states that are nonlinear in them (a softmax or tanh of a learned vector).
     */
    void backward(Parameters w, Parameters grad, State dS0);
}
