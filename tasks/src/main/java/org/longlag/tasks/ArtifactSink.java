package org.longlag.tasks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a task's test writes the files that show how a trained model did (e.g. a reconstruction's
 * generated and true trajectories): one directory per run, each file registered under an artifact
 * name so that result records and reports can find it.
 */
public interface ArtifactSink {

    /**
     * The path to write artifact {@code name} to, as {@code fileName} inside the run's directory
     * (created if needed); the artifact is recorded under {@code name}.
     */
    Path file(String name, String fileName) throws IOException;
}
