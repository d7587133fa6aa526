package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.NoOptions;
import org.longlag.models.registry.TaskShape;

/** "plrnn": the PLRNN without regularization and with the reference's random start (the paper's PLRNN baseline). */
public final class PlrnnKind implements ModelKind<NoOptions> {

    @Override
    public String name() {
        return "plrnn";
    }

    @Override
    public String description() {
        return "PLRNN z' = A z + W relu(z) + h + C s, no regularization";
    }

    @Override
    public NoOptions defaults() {
        return NoOptions.NONE;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, NoOptions none) {
        return PlrnnFamily.spec(PlrnnCell.plain(task.inputSize(), hidden), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
