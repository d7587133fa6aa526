package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.TaskShape;

/**
 * "rplrnn": the regularized PLRNN, started on and pulled toward a line-attractor subspace.
 * Defaults are the paper's addition/multiplication runs: half the units, tau_A = tau_W = 5
 * (reg-PLRNN {@code benchmark_run/experiment_scrips/examples.sh} and {@code pick_experiments.m};
 * the paper uses M = 40, give it as {@code hidden}).
 */
public final class RplrnnKind implements ModelKind<PlrnnFamily.Regularized> {

    private static final PlrnnFamily.Regularized DEFAULTS = new PlrnnFamily.Regularized(0.5, 5.0, 5.0);

    @Override
    public String name() {
        return "rplrnn";
    }

    @Override
    public String description() {
        return "regularized PLRNN (Schmidt et al. 2021): a line-attractor subspace for long lags";
    }

    @Override
    public PlrnnFamily.Regularized defaults() {
        return DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, PlrnnFamily.Regularized o) {
        return PlrnnFamily.spec(PlrnnCell.regularized(task.inputSize(), hidden, o.units(hidden), o.tauA(), o.tauW()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
