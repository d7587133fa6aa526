package org.longlag.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the longlag command line in-process, capturing its output. */
final class Cli {

    final int exitCode;
    final String out;
    final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Longlag.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Cli(code, o.toString(), e.toString());
    }

    /** The number after "label" in the output, e.g. value("D_stsp =") . */
    double value(String label) {
        int i = out.indexOf(label);
        if (i < 0) throw new AssertionError("no '" + label + "' in output:\n" + out);
        String rest = out.substring(i + label.length()).trim();
        int end = 0;
        while (end < rest.length() && "0123456789.eE+-".indexOf(rest.charAt(end)) >= 0) end++;
        return Double.parseDouble(rest.substring(0, end));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
