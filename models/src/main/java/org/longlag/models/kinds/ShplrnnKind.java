package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/**
 * "shplrnn": the shallow PLRNN ({@link ShPlrnnCell}), with the PLRNN family's readout and learned
 * initial state so that it differs from "plrnn" only in its latent map. Hidden width 50 is the
 * reference's default ({@code hidden_dim} in DurstewitzLab/GTF-shPLRNN {@code settings/defaults.json}).
 */
public final class ShplrnnKind implements ModelKind<ShplrnnKind.Options> {

    public record Options(@Doc("width L of the hidden ReLU layer") int hiddenWidth,
                          @Doc("use the clipped nonlinearity relu(W2 z + h2) - relu(W2 z)") boolean clipped) {

        public static final Options DEFAULTS = new Options(50, false);

        public Options {
            OptionChecks.atLeast("hidden-width", hiddenWidth, 1);
        }
    }

    @Override
    public String name() {
        return "shplrnn";
    }

    @Override
    public String description() {
        return "shallow PLRNN z' = A z + W1 relu(W2 z + h2) + h1 + C s (optionally clipped)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        return PlrnnFamily.spec(new ShPlrnnCell(task.inputSize(), hidden, o.hiddenWidth(), o.clipped()), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ShPlrnnCell.class);
    }
}
