package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/** "plrnn": the PLRNN without regularization and with the reference's random start (the paper's PLRNN baseline). */
public final class PlrnnKind implements ModelKind {

    @Override
    public String name() {
        return "plrnn";
    }

    @Override
    public String description() {
        return "PLRNN z' = A z + W relu(z) + h + C s, no regularization";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        return PlrnnFamily.spec(PlrnnCell.plain(task.inputSize(), s.getInt("hidden")), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(PlrnnCell.class);
    }
}
