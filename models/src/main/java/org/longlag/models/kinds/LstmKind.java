package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/** "lstm": {@link LstmCell} with a linear readout and zero initial state. */
public final class LstmKind implements ModelKind {

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM (forget-gate bias; optional chrono initialization)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("forget-bias", "initial forget-gate bias", 1.0),
                new OptionSpec("chrono", "chrono initialization: true sets T_max to the task's lag", false));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        LstmCell cell = new LstmCell(task.inputSize(), s.getInt("hidden"), s.getDouble("forget-bias"), 0);
        if (s.getBoolean("chrono")) cell = cell.withChrono(Math.max(3, task.maxLag()));
        return ModelSpec.of(cell, task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(LstmCell.class);
    }
}
