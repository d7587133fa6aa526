package org.example.extension;

import java.util.List;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/**
 * "gru": {@link GruCell} with a linear readout and a zero initial state. Its one line in
 * {@code META-INF/services/org.longlag.models.registry.ModelKind} is all that registers it: the
 * command line ({@code longlag train --model gru --update-gate-bias 1}), suite files, help texts,
 * and model files (through {@link #serializedTypes()}) know it from there.
 */
public final class GruKind implements ModelKind<GruKind.Options> {

    /** @param updateGateBias added to the update gate's input bias b_iz after PyTorch's initialization */
    public record Options(@Doc("added to the update gate's bias b_iz at initialization (0: PyTorch's)") double updateGateBias) {

        public static final Options DEFAULTS = new Options(0.0);

        public Options {
            OptionChecks.finite("update-gate-bias", updateGateBias);
        }
    }

    @Override
    public String name() {
        return "gru";
    }

    @Override
    public String description() {
        return "GRU as torch.nn.GRU (an extension in examples/, org.example.extension)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        return ModelSpec.of(new GruCell(task.inputSize(), hidden, o.updateGateBias()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(GruCell.class);
    }
}
