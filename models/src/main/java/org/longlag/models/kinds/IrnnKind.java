package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/** "irnn": ReLU RNN with identity recurrent initialization (Le, Jaitly & Hinton 2015). */
public final class IrnnKind implements ModelKind<IrnnKind.Options> {

    public record Options(@Doc("gain of the identity initialization") double recurrentScale) {

        public static final Options DEFAULTS = new Options(1.0);

        public Options {
            OptionChecks.positive("recurrent-scale", recurrentScale);
        }
    }

    @Override
    public String name() {
        return "irnn";
    }

    @Override
    public String description() {
        return "IRNN: ReLU RNN, identity recurrent initialization";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        return ModelSpec.of(new ElmanCell(task.inputSize(), hidden, ElmanCell.Activation.RELU,
                ElmanCell.RecurrentInit.IDENTITY, o.recurrentScale()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ElmanCell.class);
    }
}
