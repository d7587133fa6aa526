package org.longlag.tasks.dsr;

import java.nio.file.Path;
import java.util.Locale;
import org.longlag.models.forcing.AlphaMethod;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.forcing.GeneralizedForcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/**
 * "dsr": reconstruction of a built-in system or a CSV trajectory ({@link ReconstructionTask}).
 * Defaults follow the GTF-shPLRNN reference on Lorenz-63 ({@code settings/defaults.json}: windows of
 * 200 steps, adaptive generalized forcing from alpha 1 with the product bound, decay 0.999 every 5
 * updates, sparse forcing interval 16, PE over 20 steps; data: 5% observation noise on training).
 * It has no lag axis: a given "lag" is refused (the window is "seq-length"). The options of a
 * built-in system and those of a CSV file exclude each other ({@link #checkGiven}).
 */
public final class ReconstructionKind implements TaskKind<ReconstructionKind.Options> {

    /** The teacher forcing a reconstruction trains with. */
    public enum ForcingKind {
        /** Generalized teacher forcing ({@link GeneralizedForcing}). */
        GTF,
        /** Sparse teacher forcing every tau steps ({@link SparseForcing}). */
        SPARSE,
        /** The window starts on the data, then runs freely ({@link SparseForcing#startOnly}). */
        FREE,
        /** No forcing: the window starts from the model's z_0. */
        NONE;

        /** Also "stf" and "generalized". */
        public static ForcingKind parse(String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "stf": return SPARSE;
                case "generalized": return GTF;
                default: return valueOf(s.trim().toUpperCase(Locale.ROOT));
            }
        }
    }

    public record Options(
            @Doc("built-in system: bursting, lorenz63, lorenz96, roessler, vanderpol") String system,
            @Doc("trajectory CSV file (one row per time step) instead of a built-in system") String csv,
            @Doc("training samples of a built-in system") int length,
            @Doc("held-out test samples of a built-in system (generation and metrics)") int testLength,
            @Doc("share of a CSV file's last rows held out for testing") double testFraction,
            @Doc("time between samples (built-in systems and CSV rows)") double dt,
            @Doc(name = "transient", value = "time integrated and discarded before sampling a built-in system") double transientTime,
            @Doc("observation noise on a built-in system's training part (fraction of each std); CSV data are used as given") double noise,
            @Doc("seed of the observation noise") long dataSeed,
            @Doc("steps per training window") int seqLength,
            @Doc("teacher forcing: gtf (generalized), sparse, free (start from data only) or none (start from the model's z_0)") ForcingKind forcing,
            @Doc("sparse forcing interval") int tau,
            @Doc("generalized forcing alpha (start value when adaptive)") double alpha,
            @Doc("constant, product-bound (adaptive, Jacobian-product bound) or decay") AlphaMethod alphaMethod,
            @Doc("annealing factor of an adaptive alpha") double alphaDecay,
            @Doc("updates between alpha updates") int alphaInterval,
            @Doc("observation model: auto (identity for PLRNNs, else linear), identity or linear") Observation observation,
            @Doc("horizon of the n-step prediction error") int peSteps,
            @Doc("D_stsp below which (with D_H below solved-dh) a reconstruction counts as solved") double solvedDstsp,
            @Doc("D_H threshold of the solved criterion") double solvedDh) {

        public static final Options DEFAULTS = new Options("lorenz63", "", 100_000, 100_000, 0.2, 0.01, 50.0, 0.05, 1L, 200,
                ForcingKind.GTF, SparseForcing.REFERENCE_INTERVAL, 1.0, AlphaMethod.PRODUCT_BOUND, 0.999, 5, Observation.AUTO, 20, 1.0, 0.2);

        public Options {
            OptionChecks.given("system", system);
            OptionChecks.given("csv", csv);
            OptionChecks.atLeast("length", length, 2);
            OptionChecks.atLeast("test-length", testLength, ReconstructionData.MIN_TEST_ROWS);
            OptionChecks.inOpen("test-fraction", testFraction, 0, 1);
            OptionChecks.positive("dt", dt);
            OptionChecks.atLeast("transient", transientTime, 0);
            OptionChecks.atLeast("noise", noise, 0);
            OptionChecks.atLeast("seq-length", seqLength, 1);
            OptionChecks.given("forcing", forcing);
            OptionChecks.atLeast("tau", tau, 1);
            OptionChecks.inRange("alpha", alpha, 0, 1);
            OptionChecks.given("alpha-method", alphaMethod);
            OptionChecks.inRange("alpha-decay", alphaDecay, 0, 1);
            OptionChecks.atLeast("alpha-interval", alphaInterval, 1);
            OptionChecks.given("observation", observation);
            OptionChecks.atLeast("pe-steps", peSteps, 1);
            OptionChecks.positive("solved-dstsp", solvedDstsp);
            OptionChecks.positive("solved-dh", solvedDh);
        }

        /** The teacher forcing these options choose. */
        public Forcing teacherForcing() {
            switch (forcing) {
                case NONE: return Forcing.none();
                case FREE: return SparseForcing.startOnly();
                case SPARSE: return new SparseForcing(tau);
                default: return new GeneralizedForcing(alpha, alphaMethod, alphaDecay, alphaInterval);
            }
        }

        /** The data: the CSV file when one is given, else the built-in system. */
        public ReconstructionData data() {
            if (!csv.isBlank()) return ReconstructionData.fromCsv(Path.of(csv), dt, testFraction);
            return ReconstructionData.fromSystem(system, length, testLength, dt, transientTime, noise, dataSeed);
        }
    }

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
    public Options defaults() {
        return Options.DEFAULTS;
    }

    /** Options that only a built-in system reads. */
    private static final java.util.List<String> SYSTEM_ONLY = java.util.List.of("system", "length", "test-length", "transient", "noise", "data-seed");

    /** A CSV file with options only a built-in system reads, or test-fraction without a CSV file, would leave options unused. */
    @Override
    public void checkGiven(java.util.Set<String> given) {
        if (given.contains("csv")) {
            java.util.List<String> unused = SYSTEM_ONLY.stream().filter(given::contains).toList();
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException("--csv reads the data from a file, so " + String.join(", ", unused.stream().map(n -> "--" + n).toList())
                        + " (for a built-in system only) would not be used: give the file or the system, not both");
            }
        } else if (given.contains("test-fraction")) {
            throw new IllegalArgumentException("--test-fraction applies to a CSV file (--csv) only; a built-in system's test data are --test-length samples");
        }
    }

    @Override
    public Task build(int lag, Options o) {
        ReconstructionConfig config = new ReconstructionConfig(o.seqLength(), o.teacherForcing(), o.observation(), o.peSteps(), 0.25,
                o.solvedDstsp(), o.solvedDh());
        return new ReconstructionTask(o.data(), config, org.longlag.models.registry.Options.asMap(o));
    }
}
