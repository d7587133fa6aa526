package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.TaskShape;

/**
 * "iplrnn": the PLRNN whose subspace units start as integrators (A_ii = 1, W rows 0, h_i 0) but
 * are not regularized. Default fraction 1: the paper's iPLRNN runs use {@code per_reg = 1}
 * (reg-PLRNN {@code benchmark_analysis/helper/pick_experiments.m}).
 */
public final class IplrnnKind implements ModelKind<PlrnnFamily.Subspace> {

    private static final PlrnnFamily.Subspace DEFAULTS = new PlrnnFamily.Subspace(1.0);

    @Override
    public String name() {
        return "iplrnn";
    }

    @Override
    public String description() {
        return "PLRNN started on a line-attractor subspace, not regularized";
    }

    @Override
    public PlrnnFamily.Subspace defaults() {
        return DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, PlrnnFamily.Subspace o) {
        return PlrnnFamily.spec(PlrnnCell.initialized(task.inputSize(), hidden, o.units(hidden)), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
