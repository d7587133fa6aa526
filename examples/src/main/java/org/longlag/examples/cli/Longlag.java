package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code longlag} command. Each subcommand is one class; options that belong to a model or
 * task kind are generated from the registries ({@link CatalogOptions}), so a new model or task
 * shows up here without editing this class.
 *
 * <p>Exit codes (docs/cli.md): {@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link #STOPPED}.
 */
@Command(name = "longlag", mixinStandardHelpOptions = true, versionProvider = Longlag.Version.class,
        description = "Recurrent models on long-lag tasks and dynamical-system reconstruction.",
        subcommands = {TrainCommand.class, ResumeCommand.class, RunCommand.class, SuiteCommand.class, SweepCommand.class, ReportCommand.class,
                DsrCommand.class, MetricsCommand.class, LyapunovCommand.class, StabilityCommand.class,
                ModelsCommand.class, TasksCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (a run did all its updates, or stopped once solved)", "1:failed while running (the message says why; files written before are kept)",
                "2:refused: a bad option or value, an occupied --out, a run too large for the heap; nothing was written",
                "3:a run stopped early for another reason (diverged, a checkpoint not written); its result says why"},
        footerHeading = "%nEnvironment of ./longlag (docs/cli.md):%n",
        footer = {"  LONGLAG_JAVA_OPTS  JVM options, e.g. -Xmx12g; they replace the default -Xmx6g (give -Xmx again with other options)",
                "  LONGLAG_BLAS       auto (default), system, bundled or a directory: which OpenBLAS runs ('longlag doctor' says which did)",
                "  OMP_NUM_THREADS    ND4J's native threads (default 1: longlag parallelizes in Java)"})
public final class Longlag implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit code: the command did what it was asked. */
    public static final int OK = 0;
    /** Exit code: the command failed while running (I/O, out of memory, a bug); the message says why. */
    public static final int FAILED = 1;
    /** Exit code: the command was refused before it wrote anything (bad usage or value, occupied --out, too large). */
    public static final int USAGE = 2;
    /** Exit code: a run stopped early for a reason other than being solved (diverged, a checkpoint not written); its result was written. */
    public static final int STOPPED = 3;

    /** Runs the command line and returns the exit code (see {@link #OK} and the others). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Longlag());
        CatalogOptions.install(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("longlag: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof UsageException) {
                err.println("longlag: " + describe(ex));
                return USAGE;
            }
            err.println("longlag: " + (ex instanceof IOException || ex instanceof UncheckedIOException ? "" : ex.getClass().getSimpleName() + ": ") + describe(ex));
            if (Boolean.getBoolean("longlag.trace")) ex.printStackTrace(err);
            return FAILED;
        });
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parse -> {
            try {
                return run.execute(parse);
            } catch (OutOfMemoryError e) { // not an Exception: picocli lets it through, with a stack trace from main
                CommandLine last = parse.asCommandLineList().get(parse.asCommandLineList().size() - 1);
                last.getErr().println("longlag: " + outOfMemory());
                if (Boolean.getBoolean("longlag.trace")) e.printStackTrace(last.getErr());
                return FAILED;
            }
        });
        return cl;
    }

    /**
     * The message of an exception and of its causes where they add to it (an I/O error's cause is
     * often the reason: "No space left on device").
     */
    static String describe(Throwable ex) {
        StringBuilder sb = new StringBuilder(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = c.getMessage();
            if (m == null || m.isBlank() || sb.indexOf(m) >= 0) continue;
            sb.append(": ").append(c instanceof IOException && !(c instanceof java.nio.file.FileSystemException) ? m : c.getClass().getSimpleName() + ": " + m);
        }
        return sb.toString().replace('\n', ' ');
    }

    /** What an OutOfMemoryError means here and what to change. */
    static String outOfMemory() {
        return String.format(Locale.ROOT, "out of memory: the run does not fit in the %s Java heap; lower --batch, --lag, --hidden, --eval-samples "
                + "or --test-samples, or give Java more heap (LONGLAG_JAVA_OPTS=-Xmx8g; ./longlag's default is -Xmx6g). What was written "
                + "before is kept: checkpoints, and the model once training ended", heap());
    }

    /** The maximal heap, e.g. "6.0 GB". */
    static String heap() {
        double mb = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024) : String.format(Locale.ROOT, "%.0f MB", mb);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Version from the jar manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Longlag.class.getPackage().getImplementationVersion();
            return new String[] {"longlag " + (v == null ? "dev" : v)};
        }
    }

    /** A bad value found after parsing; printed as one line, exit code 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
