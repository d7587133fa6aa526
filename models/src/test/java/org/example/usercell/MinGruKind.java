package org.example.usercell;

import java.util.List;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/**
 * "example-mingru": a user's kind for {@link MinGruCell}; its services line is all it takes to train, save and load it
 * (and to name the user's loss, {@link AbsoluteError}, in {@code LossFunction.parse}).
 */
public final class MinGruKind implements ModelKind {

    @Override
    public String name() {
        return "example-mingru";
    }

    @Override
    public String description() {
        return "minGRU, a user's cell from the tests";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        return ModelSpec.of(new MinGruCell(task.inputSize(), s.getInt("hidden")), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(MinGruCell.class, AbsoluteError.class);
    }
}
