package org.longlag.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code longlag} command. Each subcommand is one class; options that belong to a model or
 * task kind are generated from the registries ({@link CatalogOptions}), so a new model or task
 * shows up here without editing this class.
 */
@Command(name = "longlag", mixinStandardHelpOptions = true, versionProvider = Longlag.Version.class,
        description = "Recurrent models on long-lag tasks and dynamical-system reconstruction.",
        subcommands = {TrainCommand.class, ResumeCommand.class, RunCommand.class, SuiteCommand.class, SweepCommand.class, ReportCommand.class,
                DsrCommand.class, MetricsCommand.class, LyapunovCommand.class, StabilityCommand.class,
                CommandLine.HelpCommand.class})
public final class Longlag implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure while running, 2 bad usage). */
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
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof UsageException) {
                err.println("longlag: " + ex.getMessage());
                return 2;
            }
            err.println("longlag: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (Boolean.getBoolean("longlag.trace")) ex.printStackTrace(err);
            return 1;
        });
        return cl;
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
