package org.longlag.models.forcing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.cell.CellChecks;

/**
 * Sparse teacher forcing (Mikhaeil, Monfared & Durstewitz, NeurIPS 2022, "On the difficulty of
 * learning chaotic dynamics with RNNs"; Brenner et al., ICML 2022, for partial forcing of the
 * observed units): every {@code interval} steps the forced units of the state are replaced by the
 * data-inferred state, z~_t = z_data,t for t = 0, tau, 2 tau, ..., and z~_t = z_t otherwise. The
 * replaced units pass no gradient back to the step that produced them.
 *
 * <p>Steps as the reference (DurstewitzLab/GTF-shPLRNN {@code src/tf_training/tfrecur.jl},
 * {@code TFRecur}): the state is started from data, and the k-th produced state is forced when k is
 * a multiple of tau (k = 1, 2, ...).
 *
 * @param interval tau, at least 1 (1 forces every step: one-step-ahead training)
 */
@JsonTypeName("sparse")
public record SparseForcing(int interval) implements Forcing {

    /** The reference's default {@code teacher_forcing_interval} ({@code settings/defaults.json}). */
    public static final int REFERENCE_INTERVAL = 16;

    public SparseForcing {
        CellChecks.positive("interval", interval);
    }

    /**
     * Only the start is set from data; every later state is the model's own (free-running BPTT
     * from a data-inferred start, the "no forcing" of Mikhaeil et al. 2022 and of the reference
     * with an interval beyond the window). Unlike {@link NoForcing}, whose run starts from the
     * model's own initial state, the windows of a reconstruction start on the data.
     */
    public static SparseForcing startOnly() {
        return new SparseForcing(Integer.MAX_VALUE);
    }

    @Override
    public ForcingSession start() {
        return (model, batch, step) -> {
            TeacherSignal signal = new TeacherSignal(batch, Inverses.of(model));
            return (from, to) -> new SparseTeacherForcing(interval, signal, from);
        };
    }
}
