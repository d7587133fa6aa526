package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/**
 * "shplrnn": the shallow PLRNN ({@link ShPlrnnCell}), with the PLRNN family's readout and learned
 * initial state so that it differs from "plrnn" only in its latent map. Hidden width 50 is the
 * reference's default ({@code hidden_dim} in DurstewitzLab/GTF-shPLRNN {@code settings/defaults.json}).
 */
public final class ShplrnnKind implements ModelKind {

    @Override
    public String name() {
        return "shplrnn";
    }

    @Override
    public String description() {
        return "shallow PLRNN z' = A z + W1 relu(W2 z + h2) + h1 + C s (optionally clipped)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("hidden-width", "width L of the hidden ReLU layer", 50),
                new OptionSpec("clipped", "use the clipped nonlinearity relu(W2 z + h2) - relu(W2 z)", false));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        ShPlrnnCell cell = new ShPlrnnCell(task.inputSize(), s.getInt("hidden"), s.getInt("hidden-width"), s.getBoolean("clipped"));
        return PlrnnFamily.spec(cell, task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ShPlrnnCell.class);
    }
}
