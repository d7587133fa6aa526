package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/**
 * "l2plrnn": the PLRNN with plain L2 (toward 0) on A, W rows and h of the subspace units, which
 * start at zero as in the reference's L2 variants. Default fraction 1 (every unit: the paper's
 * L2fPLRNN); 0.5 gives its L2pPLRNN.
 */
public final class L2plrnnKind implements ModelKind {

    @Override
    public String name() {
        return "l2plrnn";
    }

    @Override
    public String description() {
        return "PLRNN with plain L2 regularization of A, W and h";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(PlrnnFamily.fraction(1.0), PlrnnFamily.tauA(), PlrnnFamily.tauW());
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        PlrnnCell cell = PlrnnCell.l2(task.inputSize(), s.getInt("hidden"), PlrnnFamily.units(s),
                s.getDouble(PlrnnFamily.TAU_A), s.getDouble(PlrnnFamily.TAU_W));
        return PlrnnFamily.spec(cell, task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
