package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/** "lstm": {@link LstmCell} with a linear readout and zero initial state. */
public final class LstmKind implements ModelKind<LstmKind.Options> {

    public record Options(@Doc("initial forget-gate bias") double forgetBias,
                          @Doc("chrono initialization: true sets T_max to the task's lag") boolean chrono) {

        public static final Options DEFAULTS = new Options(1.0, false);

        public Options {
            OptionChecks.finite("forget-bias", forgetBias);
        }
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM (forget-gate bias; optional chrono initialization)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        LstmCell cell = new LstmCell(task.inputSize(), hidden, o.forgetBias(), 0);
        if (o.chrono()) cell = cell.withChrono(Math.max(3, task.maxLag()));
        return ModelSpec.of(cell, task.outputSize());
    }

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(LstmCell.class);
    }
}
