package org.longlag.models.cell.ntm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.model.InitialState;
import org.longlag.models.model.PartwiseInitialState;

/**
 * The NTM initial state as model files written before per-part initial states hold it: type
 * "ntm", with a copy of the cell. Reading one gives the {@link PartwiseInitialState} it stands for
 * ({@link NtmInitialState#of}; same parameter layout, so the file's parameters load unchanged),
 * and the model is saved in that form from then on. Nothing new is built in this form.
 *
 * @param cell           the NTM whose states this initializes
 * @param memory         how M_0 is set
 * @param memoryConstant the value of every memory entry for CONSTANT
 */
@JsonTypeName("ntm")
@JsonDeserialize(converter = LegacyNtmInitialState.Upgrade.class)
public record LegacyNtmInitialState(NtmCell cell, NtmInitialState.MemoryInit memory, double memoryConstant) implements InitialState {

    public LegacyNtmInitialState {
        CellChecks.notNull("cell", cell);
        CellChecks.notNull("memory", memory);
        CellChecks.finite("memoryConstant", memoryConstant);
    }

    /** What this stands for. */
    public PartwiseInitialState partwise() {
        return NtmInitialState.of(cell, memory, memoryConstant);
    }

    /** Jackson's hook: a legacy initial state read from JSON becomes its {@link #partwise()} form. */
    public static final class Upgrade extends StdConverter<LegacyNtmInitialState, InitialState> {
        @Override
        public InitialState convert(LegacyNtmInitialState legacy) {
            return legacy.partwise();
        }
    }

    @Override
    public ParameterLayout parameterLayout(List<StatePart> parts) {
        if (!parts.equals(cell.stateParts())) {
            throw new IllegalArgumentException("this NTM initial state was made for a cell with state parts " + StatePart.names(cell.stateParts())
                    + " of sizes " + java.util.Arrays.toString(cell.stateSizes()) + ", the model's cell has " + StatePart.names(parts)
                    + " of sizes " + java.util.Arrays.toString(StatePart.sizes(parts)));
        }
        return partwise().parameterLayout(parts);
    }

    @Override
    public void initialize(Parameters w, List<StatePart> parts, SplittableRandom rng) {
        parameterLayout(parts);
        partwise().initialize(w, parts, rng);
    }

    @Override
    public void fill(Parameters w, State s0) {
        partwise().fill(w, s0);
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
        partwise().backward(w, grad, dS0);
    }
}
