package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.TaskShape;

/**
 * "l2plrnn": the PLRNN with plain L2 (toward 0) on A, W rows and h of the subspace units, which
 * start at zero as in the reference's L2 variants. Default fraction 1 (every unit: the paper's
 * L2fPLRNN); 0.5 gives its L2pPLRNN.
 */
public final class L2plrnnKind implements ModelKind<PlrnnFamily.Regularized> {

    private static final PlrnnFamily.Regularized DEFAULTS = new PlrnnFamily.Regularized(1.0, 5.0, 5.0);

    @Override
    public String name() {
        return "l2plrnn";
    }

    @Override
    public String description() {
        return "PLRNN with plain L2 regularization of A, W and h";
    }

    @Override
    public PlrnnFamily.Regularized defaults() {
        return DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, PlrnnFamily.Regularized o) {
        return PlrnnFamily.spec(PlrnnCell.l2(task.inputSize(), hidden, o.units(hidden), o.tauA(), o.tauW()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
