package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.cell.ElmanCell.RecurrentInit;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/** "elman": the tanh RNN, with a choice of recurrent initialization and its scale. */
public final class ElmanKind implements ModelKind<ElmanKind.Options> {

    public record Options(@Doc("uniform, gaussian, orthogonal or identity") RecurrentInit recurrentInit,
                          @Doc("gain of the recurrent initialization") double recurrentScale) {

        public static final Options DEFAULTS = new Options(RecurrentInit.UNIFORM, 1.0);

        public Options {
            OptionChecks.given("recurrent-init", recurrentInit);
            OptionChecks.positive("recurrent-scale", recurrentScale);
        }
    }

    @Override
    public String name() {
        return "elman";
    }

    @Override
    public String description() {
        return "Elman tanh RNN";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        return ModelSpec.of(new ElmanCell(task.inputSize(), hidden, ElmanCell.Activation.TANH, o.recurrentInit(), o.recurrentScale()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ElmanCell.class);
    }
}
