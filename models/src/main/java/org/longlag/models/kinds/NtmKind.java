package org.longlag.models.kinds;

import java.util.List;
import java.util.Locale;
import org.longlag.models.Precision;
import org.longlag.models.cell.ntm.LegacyNtmInitialState;
import org.longlag.models.cell.ntm.NtmCell;
import org.longlag.models.cell.ntm.NtmInitialState;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.PartwiseInitialState;
import org.longlag.models.registry.ModelKind;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.models.registry.TaskShape;

/**
 * "ntm": {@link NtmCell} with a linear readout of [h_t, r_t] and its per-part initial state
 * ({@link NtmInitialState#of}). The common "hidden" option is the controller size. Defaults follow Collier & Beel 2018's copy-task
 * setup (memory 128 x 20, one read and one write head, shifts -1..1, the controller's head outputs
 * clipped at 20, memory initialized to 1e-6).
 */
public final class NtmKind implements ModelKind {

    @Override
    public String name() {
        return "ntm";
    }

    @Override
    public String description() {
        return "Neural Turing Machine (LSTM or feed-forward controller, content and location addressing)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("memory-rows", "memory locations N", 128),
                new OptionSpec("memory-width", "width M of a memory location", 20),
                new OptionSpec("read-heads", "read heads", 1),
                new OptionSpec("write-heads", "write heads", 1),
                new OptionSpec("shift-range", "location shifts allowed each step: -range..range", 1),
                new OptionSpec("controller", "controller network: lstm or feedforward", "lstm"),
                new OptionSpec("memory-init", "initial memory: constant, learned or random", "constant"),
                new OptionSpec("memory-constant", "value of every memory entry for memory-init constant", NtmInitialState.DEFAULT_CONSTANT),
                // not "clip": the train command's --clip is gradient-norm clipping
                new OptionSpec("controller-clip", "controller outputs for the heads clipped to [-c, c]; 0 turns clipping off", 20.0));
    }

    @Override
    public ModelSpec build(TaskShape task, Settings s) {
        NtmCell cell = new NtmCell(task.inputSize(), s.getInt("hidden"), controller(s.getString("controller")),
                s.getInt("memory-rows"), s.getInt("memory-width"), s.getInt("read-heads"), s.getInt("write-heads"),
                s.getInt("shift-range"), s.getDouble("controller-clip"));
        PartwiseInitialState init = NtmInitialState.of(cell, memoryInit(s.getString("memory-init")), s.getDouble("memory-constant"));
        return new ModelSpec(cell, new LinearReadout(task.outputSize()), init, Precision.FLOAT32);
    }

    private static NtmCell.ControllerType controller(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "lstm": return NtmCell.ControllerType.LSTM;
            case "feedforward": return NtmCell.ControllerType.FEEDFORWARD;
            default: throw new IllegalArgumentException("option 'controller' must be lstm or feedforward, got '" + name + "'");
        }
    }

    private static NtmInitialState.MemoryInit memoryInit(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "constant": return NtmInitialState.MemoryInit.CONSTANT;
            case "learned": return NtmInitialState.MemoryInit.LEARNED;
            case "random": return NtmInitialState.MemoryInit.RANDOM;
            default: throw new IllegalArgumentException("option 'memory-init' must be constant, learned or random, got '" + name + "'");
        }
    }

    /** The cell, and the form of the NTM initial state that model files written before per-part initial states hold. */
    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(NtmCell.class, LegacyNtmInitialState.class);
    }
}
