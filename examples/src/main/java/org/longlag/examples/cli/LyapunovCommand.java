package org.longlag.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.lyapunov.LyapunovResult;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.dynamics.lyapunov.OdeLyapunovOptions;
import org.longlag.dynamics.systems.OdeSystems;
import org.longlag.models.autonomous.AutonomousMap;
import org.longlag.models.autonomous.FreeRun;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.experiment.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code longlag lyapunov}: the Lyapunov spectrum of a built-in system or of a saved model's autonomous map. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lyapunov spectrum by QR re-orthonormalization, of a built-in ODE system",
                "(variational equations) or of a saved model run autonomously (zero input)",
                "as a discrete map: per step, and per time unit when dt is known."})
final class LyapunovCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--system", description = "built-in system: " + "bursting, lorenz63, lorenz96, roessler, vanderpol")
        String system;

        @Option(names = "--model", paramLabel = "FILE", description = "a model file written by 'longlag dsr' or 'longlag train'")
        Path model;
    }

    @Option(names = "--time", description = "system: averaging time (default ${DEFAULT-VALUE})", defaultValue = "1000")
    double time;

    @Option(names = "--steps", description = "model: iterations averaged over (default ${DEFAULT-VALUE})", defaultValue = "100000")
    int steps;

    @Option(names = "--transient", description = "system: transient time; model: transient iterations (default: 100 time units / 1000 iterations)")
    Double transientLength;

    @Option(names = "--dt", description = "model: time per step, for exponents per time unit (default: from result.json beside the model, if any)")
    Double dt;

    @Option(names = "--exponents", description = "how many of the largest exponents, 0 for all (default ${DEFAULT-VALUE})", defaultValue = "0")
    int exponents;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        for (String only : source.system != null ? new String[] {"--steps", "--dt"} : new String[] {"--time"}) {
            if (given.hasMatchedOption(only)) {
                throw new Longlag.UsageException(only + " applies to " + (source.system != null ? "a saved model (--model FILE)" : "a built-in system (--system)")
                        + ", not to " + (source.system != null ? "--system " + source.system : "--model")
                        + (only.equals("--time") ? "; a model's averaging is --steps iterations" : only.equals("--steps") ? "; a system's averaging is --time" : ": a system's exponents are per time unit already"));
            }
        }
        if (dt != null && (!(dt > 0) || !Double.isFinite(dt))) {
            throw new Longlag.UsageException("--dt must be a positive time per step, got " + dt + " (exponents per time unit are those per step divided by dt)");
        }
        if (source.system != null) {
            OdeSystem system = OdeSystems.create(source.system);
            OdeLyapunovOptions opt = OdeLyapunovOptions.defaults().withTotalTime(time).withExponents(exponents);
            if (transientLength != null) opt = opt.withTransientTime(transientLength);
            LyapunovResult r = LyapunovSpectrum.of(system, opt);
            o.printf(Locale.ROOT, "%s: Lyapunov spectrum per time unit (averaged over %.0f time units)%n", system.name(), r.averagingTime());
            print(o, r, "");
        } else {
            SequenceModel model = load(source.model);
            AutonomousMap map = AutonomousMap.of(model);
            MapLyapunovOptions opt = MapLyapunovOptions.defaults().withSteps(steps).withExponents(exponents);
            if (transientLength != null) {
                if (!(transientLength >= 0) || transientLength != Math.rint(transientLength) || transientLength > Integer.MAX_VALUE) {
                    throw new Longlag.UsageException("--transient for a model counts iterations: a whole number >= 0, got " + transientLength);
                }
                opt = opt.withTransientSteps((int) Math.round(transientLength));
            }
            LyapunovResult r = LyapunovSpectrum.of(map, FreeRun.of(model).initialState(), opt);
            Double step = dt != null ? dt : dtBeside(source.model);
            if (step != null && !(step > 0 && Double.isFinite(step))) step = null; // a result.json's dt is checked when written; never divide by a bad one
            o.printf(Locale.ROOT, "%s: %d-dimensional map, started from the model's initial state, %d transient and %d averaged iterations%n",
                    source.model, map.dimension(), opt.transientSteps(), opt.steps());
            o.println("per step:");
            print(o, r, "  ");
            if (step != null) {
                o.printf(Locale.ROOT, "per time unit (dt = %s%s):%n", step, dt != null ? "" : ", from result.json");
                double[] e = r.exponents();
                for (int i = 0; i < e.length; i++) e[i] /= step;
                print(o, new LyapunovResult(e, r.averagingTime() * step), "  ");
            } else {
                o.println("per time unit: unknown dt (give --dt)");
            }
        }
        o.flush();
        return 0;
    }

    private static void print(PrintWriter o, LyapunovResult r, String indent) {
        double[] s = r.sorted();
        StringBuilder sb = new StringBuilder();
        for (double v : s) sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", v));
        o.printf(Locale.ROOT, "%sspectrum: [%s]%n", indent, sb);
        o.printf(Locale.ROOT, "%smaximal:  %.5f%n", indent, r.maximal());
        o.printf(Locale.ROOT, "%ssum:      %.5f%n", indent, r.sum());
        o.printf(Locale.ROOT, "%sKaplan-Yorke dimension: %.4f%n", indent, r.kaplanYorkeDimension());
    }

    private static SequenceModel load(Path file) {
        if (!Files.isRegularFile(file)) throw new Longlag.UsageException("--model: no such file: " + file);
        try {
            return SequenceModel.load(file);
        } catch (IOException e) {
            throw new Longlag.UsageException("--model: " + e.getMessage());
        }
    }

    /** The "dt" task setting of a result.json next to the model file, if there is one. */
    static Double dtBeside(Path modelFile) {
        Path dir = modelFile.toAbsolutePath().getParent();
        Path result = dir == null ? null : dir.resolve("result.json");
        if (result == null || !Files.isRegularFile(result)) return null;
        try {
            JsonNode root = JsonFiles.mapper().readTree(result.toFile());
            JsonNode run = root.has("run") ? root.get("run") : root;
            JsonNode v = run.path("taskSettings").path("dt");
            return v.isNumber() ? v.asDouble() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
