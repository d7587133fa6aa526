package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/**
 * "iplrnn": the PLRNN whose subspace units start as integrators (A_ii = 1, W rows 0, h_i 0) but
 * are not regularized. Default fraction 1: the paper's iPLRNN runs use {@code per_reg = 1}
 * (reg-PLRNN {@code benchmark_analysis/helper/pick_experiments.m}).
 */
public final class IplrnnKind implements ModelKind {

    @Override
    public String name() {
        return "iplrnn";
    }

    @Override
    public String description() {
        return "PLRNN started on a line-attractor subspace, not regularized";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(PlrnnFamily.fraction(1.0));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        return PlrnnFamily.spec(PlrnnCell.initialized(task.inputSize(), s.getInt("hidden"), PlrnnFamily.units(s)), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
