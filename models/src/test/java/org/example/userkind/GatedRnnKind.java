package org.example.userkind;

import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/**
 * A model kind as a user writes one, outside longlag's packages: one options record, one build
 * method, and one line in {@code META-INF/services/org.longlag.models.registry.ModelKind} (here
 * the models module's test resources).
 */
public final class GatedRnnKind implements ModelKind<GatedRnnKind.Options> {

    public enum Gate { TANH, RELU }

    public record Options(@Doc("gain of the recurrent initialization") double gain,
                          @Doc("how Wh starts") ElmanCell.RecurrentInit recurrentStart,
                          @Doc("nonlinearity") Gate gate) {

        public static final Options DEFAULTS = new Options(0.5, ElmanCell.RecurrentInit.ORTHOGONAL, Gate.TANH);

        public Options {
            OptionChecks.positive("gain", gain);
        }
    }

    @Override
    public String name() {
        return "gated-rnn";
    }

    @Override
    public String description() {
        return "a user's kind (test)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        ElmanCell.Activation a = o.gate() == Gate.TANH ? ElmanCell.Activation.TANH : ElmanCell.Activation.RELU;
        return ModelSpec.of(new ElmanCell(task.inputSize(), hidden, a, o.recurrentStart(), o.gain()), task.outputSize());
    }
}
