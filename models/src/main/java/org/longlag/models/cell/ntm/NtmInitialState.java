package org.longlag.models.cell.ntm;

import org.longlag.models.cell.CellChecks;
import org.longlag.models.model.PartInitializer;
import org.longlag.models.model.PartwiseInitialState;

/**
 * z_0 of an {@link NtmCell}, as a {@link PartwiseInitialState} over its named parts: the memory
 * initialization, and learned initial controller state, read vectors and weightings, the same for
 * every sequence.
 *
 * <ul>
 *   <li>"memory" M_0, by {@link MemoryInit}: CONSTANT fills every entry with {@code memoryConstant}
 *       (Collier & Beel 2018 found 1e-6 converges fastest and most reliably; no parameters);
 *       LEARNED is tanh(theta_M), theta_M learned, starting Glorot-uniform as Collier & Beel's
 *       learned initialization; RANDOM is tanh(rho), rho ~ N(0, 0.5^2) drawn once when the model is
 *       created (Collier & Beel's scale) and then kept fixed: it is stored with the parameters but
 *       gets no gradient;</li>
 *   <li>every head's weighting w_0 ("read0.weighting", ...): softmax(theta_w), theta_w learned,
 *       starting Glorot-uniform as Collier & Beel's. The random start matters: with a constant
 *       memory and uniform weightings every location looks alike, and nothing in eqs. (5)-(9)
 *       would ever break that symmetry;</li>
 *   <li>read vectors r_0 ("reads"): learned, starting N(0, 0.01^2) (pytorch-ntm's scale);</li>
 *   <li>LSTM controller h_0, c_0 ("h", "c"): learned, starting N(0, 0.05^2) (pytorch-ntm's); a
 *       feed-forward controller has no state (its "h" stays 0 and is never read).</li>
 * </ul>
 *
 * The parts are listed in the order h, c, reads, weightings, memory, which is the parameter order
 * (and the order of random draws) of the NTM initial state before it was composed per part, so a
 * model of either kind starts from the same numbers.
 */
public final class NtmInitialState {

    /** How the memory of z_0 is set. */
    public enum MemoryInit { CONSTANT, LEARNED, RANDOM }

    /** Collier & Beel's constant. */
    public static final double DEFAULT_CONSTANT = 1e-6;

    /** Standard deviation of rho in the RANDOM memory tanh(rho), Collier & Beel's. */
    public static final double RANDOM_STD = 0.5;

    private NtmInitialState() {
    }

    /**
     * The NTM's initial state for {@code cell}.
     *
     * @param memory         how M_0 is set
     * @param memoryConstant the value of every memory entry for CONSTANT (finite)
     */
    public static PartwiseInitialState of(NtmCell cell, MemoryInit memory, double memoryConstant) {
        CellChecks.notNull("cell", cell);
        CellChecks.notNull("memory", memory);
        CellChecks.finite("memoryConstant", memoryConstant);
        PartwiseInitialState.Builder b = PartwiseInitialState.builder();
        if (cell.controller() == NtmCell.ControllerType.LSTM) {
            b.part(NtmCell.HIDDEN, PartInitializer.learned(0.05)).part(NtmCell.CELL, PartInitializer.learned(0.05));
        }
        b.part(NtmCell.READS, PartInitializer.learned(0.01));
        for (int h = 0; h < cell.heads(); h++) b.part(cell.head(h).weightingName(), PartInitializer.learnedSoftmax());
        switch (memory) {
            case CONSTANT: b.part(NtmCell.MEMORY, PartInitializer.constant(memoryConstant)); break;
            case LEARNED: b.part(NtmCell.MEMORY, PartInitializer.learnedTanh()); break;
            case RANDOM: b.part(NtmCell.MEMORY, PartInitializer.randomTanh(RANDOM_STD)); break;
            default: throw new AssertionError(memory);
        }
        return b.build();
    }

    /** Constant memory 1e-6, Collier & Beel's recommendation. */
    public static PartwiseInitialState constant(NtmCell cell) {
        return of(cell, MemoryInit.CONSTANT, DEFAULT_CONSTANT);
    }
}
