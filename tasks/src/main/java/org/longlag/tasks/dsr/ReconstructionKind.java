package org.longlag.tasks.dsr;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.longlag.models.forcing.AlphaMethod;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.forcing.GeneralizedForcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/**
 * "dsr": reconstruction of a built-in system or a CSV trajectory ({@link ReconstructionTask}).
 * Defaults follow the GTF-shPLRNN reference on Lorenz-63 ({@code settings/defaults.json}: windows of
 * 200 steps, adaptive generalized forcing from alpha 1 with the product bound, decay 0.999 every 5
 * updates, sparse forcing interval 16, PE over 20 steps; data: 5% observation noise on training).
 */
public final class ReconstructionKind implements TaskKind {

    @Override
    public String name() {
        return "dsr";
    }

    @Override
    public String description() {
        return "dynamical-system reconstruction from a built-in system or a CSV trajectory (teacher forcing; D_stsp, D_H)";
    }

    @Override
    public boolean isMemoryTask() {
        return false;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("system", "built-in system: bursting, lorenz63, lorenz96, roessler, vanderpol", "lorenz63"),
                new OptionSpec("csv", "trajectory CSV file (one row per time step) instead of a built-in system", ""),
                new OptionSpec("length", "training samples of a built-in system", 100_000),
                new OptionSpec("test-length", "held-out test samples of a built-in system (generation and metrics)", 100_000),
                new OptionSpec("test-fraction", "share of a CSV file's last rows held out for testing", 0.2),
                new OptionSpec("dt", "time between samples (built-in systems and CSV rows)", 0.01),
                new OptionSpec("transient", "time integrated and discarded before sampling a built-in system", 50.0),
                new OptionSpec("noise", "observation noise on a built-in system's training part (fraction of each std); CSV data are used as given", 0.05),
                new OptionSpec("data-seed", "seed of the observation noise", 1L),
                new OptionSpec("seq-length", "steps per training window", 200),
                new OptionSpec("forcing", "teacher forcing: gtf (generalized), sparse, free (start from data only) or none (start from the model's z_0)", "gtf"),
                new OptionSpec("tau", "sparse forcing interval", SparseForcing.REFERENCE_INTERVAL),
                new OptionSpec("alpha", "generalized forcing alpha (start value when adaptive)", 1.0),
                new OptionSpec("alpha-method", "constant, product-bound (adaptive, Jacobian-product bound) or decay", "product-bound"),
                new OptionSpec("alpha-decay", "annealing factor of an adaptive alpha", 0.999),
                new OptionSpec("alpha-interval", "updates between alpha updates", 5),
                new OptionSpec("observation", "observation model: auto (identity for PLRNNs, else linear), identity or linear", "auto"),
                new OptionSpec("pe-steps", "horizon of the n-step prediction error", 20),
                new OptionSpec("solved-dstsp", "D_stsp below which (with D_H below solved-dh) a reconstruction counts as solved", 1.0),
                new OptionSpec("solved-dh", "D_H threshold of the solved criterion", 0.2));
    }

    @Override
    public Task build(Settings s) {
        ReconstructionData data = data(s);
        ReconstructionConfig config = new ReconstructionConfig(s.getInt("seq-length"), forcing(s), Observation.parse(s.getString("observation")),
                s.getInt("pe-steps"), 0.25, s.getDouble("solved-dstsp"), s.getDouble("solved-dh"));
        return new ReconstructionTask(data, config, s.asMap());
    }

    static ReconstructionData data(Settings s) {
        double dt = s.getDouble("dt");
        if (!(dt > 0)) throw new IllegalArgumentException("dt must be positive, got " + dt);
        String csv = s.getString("csv");
        if (!csv.isBlank()) return ReconstructionData.fromCsv(Path.of(csv), dt, s.getDouble("test-fraction"));
        return ReconstructionData.fromSystem(s.getString("system"), s.getInt("length"), s.getInt("test-length"), dt,
                s.getDouble("transient"), s.getDouble("noise"), s.getLong("data-seed"));
    }

    /** The forcing named by "forcing" with its options. */
    static Forcing forcing(Settings s) {
        String kind = s.getString("forcing").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "none": return Forcing.none();
            case "free": return SparseForcing.startOnly();
            case "sparse": case "stf": return new SparseForcing(s.getInt("tau"));
            case "gtf": case "generalized":
                return new GeneralizedForcing(s.getDouble("alpha"), AlphaMethod.parse(s.getString("alpha-method")),
                        s.getDouble("alpha-decay"), s.getInt("alpha-interval"));
            default: throw new IllegalArgumentException("unknown forcing '" + s.getString("forcing") + "': expected gtf, sparse, free or none");
        }
    }
}
