package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;

/**
 * z_0 is a learned vector per state part, the same for every sequence, starting N(0, initStd^2)
 * (0 gives a zero start).
 */
@JsonTypeName("learned")
public record LearnedInitialState(double initStd) implements InitialState {

    public LearnedInitialState {
        CellChecks.nonNegative("initStd", initStd);
    }

    @Override
    public ParameterLayout parameterLayout(List<StatePart> parts) {
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (int i = 0; i < parts.size(); i++) b.vector("z0_" + i, parts.get(i).size());
        return b.build();
    }

    @Override
    public void initialize(Parameters w, List<StatePart> parts, SplittableRandom rng) {
        for (int i = 0; i < parts.size(); i++) Initializers.gaussian(w.get(i), initStd, rng);
    }

    @Override
    public void fill(Parameters w, State s0) {
        for (int i = 0; i < s0.partCount(); i++) {
            s0.part(i).zero();
            s0.part(i).addRowBroadcast(w.get(i));
        }
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
        for (int i = 0; i < dS0.partCount(); i++) grad.get(i).addColumnSums(dS0.part(i));
    }
}
