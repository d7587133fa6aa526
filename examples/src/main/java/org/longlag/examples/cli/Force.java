package org.longlag.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.longlag.tasks.experiment.RunDirectory;
import picocli.CommandLine.Option;

/**
 * {@code --force} of the commands that write one run's directory (train, resume, dsr, stability; a
 * picocli mixin), and the claim of that directory ({@link RunDirectory}): a non-empty --out is
 * refused unless forced, and one command at a time writes into a directory.
 */
final class Force {

    @Option(names = "--force", description = {"replace the run already in --out: its files (result.json, model, checkpoint, ...) are removed",
            "before this run starts; without it a non-empty --out is refused, and nothing is overwritten"})
    boolean force;

    /** Claims {@code out}, keeping {@code inputs} (null entries skipped): the files this command reads. */
    RunDirectory claim(Path out, Path... inputs) throws IOException {
        List<Path> in = new ArrayList<>();
        for (Path p : inputs) if (p != null) in.add(p);
        return RunDirectory.claim(out, "--out", force, in);
    }
}
