package org.longlag.models.kinds;

import java.util.List;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ntm.LegacyNtmInitialState;
import org.longlag.models.cell.ntm.NtmCell;
import org.longlag.models.cell.ntm.NtmCell.ControllerType;
import org.longlag.models.cell.ntm.NtmInitialState;
import org.longlag.models.cell.ntm.NtmInitialState.MemoryInit;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.registry.Doc;
import org.longlag.models.model.PartwiseInitialState;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionChecks;
import org.longlag.models.registry.TaskShape;

/**
 * "ntm": {@link NtmCell} with a linear readout of [h_t, r_t] and its per-part initial state
 * ({@link NtmInitialState#of}). The common "hidden" option is the controller size. Defaults follow Collier & Beel 2018's copy-task
 * setup (memory 128 x 20, one read and one write head, shifts -1..1, the controller's head outputs
 * clipped at 20, memory initialized to 1e-6).
 */
public final class NtmKind implements ModelKind<NtmKind.Options> {

    /** (The shift range's bound by the memory size is the cell's to check.) */
    public record Options(@Doc("memory locations N") int memoryRows,
                          @Doc("width M of a memory location") int memoryWidth,
                          @Doc("read heads") int readHeads,
                          @Doc("write heads") int writeHeads,
                          @Doc("location shifts allowed each step: -range..range") int shiftRange,
                          @Doc("controller network: lstm or feedforward") ControllerType controller,
                          @Doc("initial memory: constant, learned or random") MemoryInit memoryInit,
                          @Doc("value of every memory entry for memory-init constant") double memoryConstant,
                          // not "clip": the train command's --clip is gradient-norm clipping
                          @Doc("controller outputs for the heads clipped to [-c, c]; 0 turns clipping off") double controllerClip) {

        public static final Options DEFAULTS = new Options(128, 20, 1, 1, 1, ControllerType.LSTM, MemoryInit.CONSTANT,
                NtmInitialState.DEFAULT_CONSTANT, 20.0);

        public Options {
            OptionChecks.atLeast("memory-rows", memoryRows, 1);
            OptionChecks.atLeast("memory-width", memoryWidth, 1);
            OptionChecks.atLeast("read-heads", readHeads, 1);
            OptionChecks.atLeast("write-heads", writeHeads, 0);
            OptionChecks.atLeast("shift-range", shiftRange, 0);
            OptionChecks.given("controller", controller);
            OptionChecks.given("memory-init", memoryInit);
            OptionChecks.finite("memory-constant", memoryConstant);
            OptionChecks.atLeast("controller-clip", controllerClip, 0);
        }
    }

    @Override
    public String name() {
        return "ntm";
    }

    @Override
    public String description() {
        return "Neural Turing Machine (LSTM or feed-forward controller, content and location addressing)";
    }

    @Override
    public Options defaults() {
        return Options.DEFAULTS;
    }

    @Override
    public ModelSpec build(TaskShape task, int hidden, Options o) {
        NtmCell cell = new NtmCell(task.inputSize(), hidden, o.controller(), o.memoryRows(), o.memoryWidth(), o.readHeads(), o.writeHeads(),
                o.shiftRange(), o.controllerClip());
        PartwiseInitialState init = NtmInitialState.of(cell, o.memoryInit(), o.memoryConstant());
        return new ModelSpec(cell, new LinearReadout(task.outputSize()), init, Precision.FLOAT32);
    }

    /** The cell, and the form of the NTM initial state that model files written before per-part initial states hold. */
    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(NtmCell.class, LegacyNtmInitialState.class);
    }
}
