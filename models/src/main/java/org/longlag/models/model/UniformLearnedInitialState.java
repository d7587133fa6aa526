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
 * A learned z_0 like {@link LearnedInitialState}, starting U[low, high) instead of Gaussian: the
 * reg-PLRNN reference starts its learned mu0 at {@code np.random.random(d_hidden)}, U[0, 1)
 * ({@code benchmark_run/gdplrnn/model.py}), so most ReLUs are active at the first step.
 *
 * @param low  lower bound, finite
 * @param high upper bound, finite and at least {@code low}
 */
@JsonTypeName("learned-uniform")
public record UniformLearnedInitialState(double low, double high) implements InitialState {

    /** The mechanics (layout, broadcast, gradient) are those of the Gaussian-started version. */
    private static final LearnedInitialState LEARNED = new LearnedInitialState(0);

    public UniformLearnedInitialState {
        CellChecks.finite("low", low);
        CellChecks.finite("high", high);
        if (high < low) throw new IllegalArgumentException("high must be at least low (" + low + "), got " + high);
    }

    @Override
    public ParameterLayout parameterLayout(List<StatePart> parts) {
        return LEARNED.parameterLayout(parts);
    }

    @Override
    public void initialize(Parameters w, List<StatePart> parts, SplittableRandom rng) {
        for (int i = 0; i < parts.size(); i++) Initializers.uniform(w.get(i), low, high, rng);
    }

    @Override
    public void fill(Parameters w, State s0) {
        LEARNED.fill(w, s0);
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
        LEARNED.backward(w, grad, dS0);
    }
}
