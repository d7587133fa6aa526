package org.example.usercell;

import java.util.List;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.NoOptions;
import org.longlag.models.registry.TaskShape;

/**
 * "example-mingru": a user's kind for {@link MinGruCell}; its services line is all it takes to train, save and load it
 * (and to name the user's loss, {@link AbsoluteError}, in {@code LossFunction.parse}).
 */
public final class MinGruKind implements ModelKind<NoOptions> {

    @Override
    public String name() {
        return "example-mingru";
    }

    @Override
    public String description() {
        return "minGRU, a user's cell from the tests";
    }

    @Override
    public NoOptions defaults() {
        return NoOptions.NONE;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, NoOptions o) {
        return ModelSpec.of(new MinGruCell(task.inputSize(), hidden), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(MinGruCell.class, AbsoluteError.class);
    }
}
