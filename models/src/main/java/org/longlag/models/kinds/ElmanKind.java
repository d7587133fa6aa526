package org.longlag.models.kinds;

import java.util.List;
import java.util.Locale;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/** "elman": the tanh RNN, with a choice of recurrent initialization and its scale. */
public final class ElmanKind implements ModelKind {

    @Override
    public String name() {
        return "elman";
    }

    @Override
    public String description() {
        return "Elman tanh RNN";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("recurrent-init", "uniform, gaussian, orthogonal or identity", "uniform"),
                new OptionSpec("recurrent-scale", "gain of the recurrent initialization", 1.0));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        ElmanCell.RecurrentInit init;
        try {
            init = ElmanCell.RecurrentInit.valueOf(s.getString("recurrent-init").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recurrent-init must be uniform, gaussian, orthogonal or identity, got '" + s.getString("recurrent-init") + "'");
        }
        return ModelSpec.of(new ElmanCell(task.inputSize(), s.getInt("hidden"), ElmanCell.Activation.TANH, init,
                s.getDouble("recurrent-scale")), task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(ElmanCell.class);
    }
}
