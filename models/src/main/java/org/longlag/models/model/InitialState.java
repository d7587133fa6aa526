package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.SplittableRandom;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.ntm.NtmInitialState;

/** Where z_0 comes from: zeros, or learned parameters shared by every sequence. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ZeroInitialState.class, name = "zero"),
    @JsonSubTypes.Type(value = LearnedInitialState.class, name = "learned"),
    @JsonSubTypes.Type(value = UniformLearnedInitialState.class, name = "learned-uniform"),
    @JsonSubTypes.Type(value = NtmInitialState.class, name = "ntm")
})
public interface InitialState {

    ParameterLayout parameterLayout(int[] stateSizes);

    void initialize(Parameters w, int[] stateSizes, SplittableRandom rng);

    /** Writes z_0 for every row of {@code s0}. */
    void fill(Parameters w, State s0);

    /**
     * Adds dL/dparams from dL/dz_0 (summed over the batch). {@code w} are the parameter values, for
     * initial states that are nonlinear in them (a softmax or tanh of a learned vector).
     */
    void backward(Parameters w, Parameters grad, State dS0);
}
