package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/** "irnn": ReLU RNN with identity recurrent initialization (Le, Jaitly & Hinton 2015). */
public final class IrnnKind implements ModelKind {

    @Override
    public String name() {
        return "irnn";
    }

    @Override
    public String description() {
        return "IRNN: ReLU RNN, identity recurrent initialization";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(new OptionSpec("recurrent-scale", "gain of the identity initialization", 1.0));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        return ModelSpec.of(new ElmanCell(task.inputSize(), s.getInt("hidden"), ElmanCell.Activation.RELU,
                ElmanCell.RecurrentInit.IDENTITY, s.getDouble("recurrent-scale")), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ElmanCell.class);
    }
}
