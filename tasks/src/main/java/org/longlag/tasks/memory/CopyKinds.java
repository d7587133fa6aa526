package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** Registry entries for the copy and copy-memory tasks. */
public final class CopyKinds {

    private CopyKinds() {
    }

    /** "copy" */
    public static final class Copy implements TaskKind {
        @Override
        public String name() {
            return "copy";
        }

        @Override
        public String description() {
            return "copy task (Graves et al. 2014): recall a sequence of random bit vectors";
        }

        @Override
        public String lagDescription() {
            return "longest training sequence (the paper: 20)";
        }

        @Override
        public int defaultLag() {
            return 20;
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(
                    new OptionSpec("width", "bits per vector", 8),
                    new OptionSpec("min-length", "shortest training sequence", 1),
                    new OptionSpec("solved-bits", "wrong bits per sequence that count as solved", 0.1),
                    new OptionSpec("batch-lengths", "training batches: mixed (each sequence its own length, padded) or same"
                            + " (one length per batch, as Collier & Beel 2018; about half the steps)", "mixed"));
        }

        @Override
        public Task build(Settings s) {
            return new CopyTask(s.getInt("width"), s.getInt("min-length"), s.getInt("lag"), s.getDouble("solved-bits"),
                    CopyTask.BatchLengths.parse(s.getString("batch-lengths")));
        }
    }

    /** "copymemory" */
    public static final class CopyMemory implements TaskKind {
        @Override
        public String name() {
            return "copymemory";
        }

        @Override
        public String description() {
            return "copying-memory problem (Arjovsky et al. 2016): recall 10 symbols after T blanks";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(new OptionSpec("solved-accuracy", "fraction of recalled symbols correct that counts as solved", 0.95));
        }

        @Override
        public Task build(Settings s) {
            return new CopyMemoryTask(s.getInt("lag"), s.getDouble("solved-accuracy"));
        }
    }
}
