package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;

/** z_0 = 0. */
@JsonTypeName("zero")
public record ZeroInitialState() implements InitialState {

    @Override
    public ParameterLayout parameterLayout(List<StatePart> parts) {
        return ParameterLayout.empty();
    }

    @Override
    public void initialize(Parameters w, List<StatePart> parts, SplittableRandom rng) {
    }

    @Override
    public void fill(Parameters w, State s0) {
        s0.zero();
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
    }
}
