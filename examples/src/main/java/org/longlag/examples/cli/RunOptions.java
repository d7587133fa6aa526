package org.longlag.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of a single run (train, dsr, stability), declared once (a picocli mixin): its seed and
 * its training threads. {@link Threads} is a mixin of its own for resume, whose default is the
 * saved run's.
 */
final class RunOptions {

    @Mixin
    Threads threads = Threads.cores();

    @Option(names = "--seed", description = "seed of everything random in the run (default ${DEFAULT-VALUE})")
    long seed = 1;

    /**
     * The training threads for batches of {@code batch} sequences: as given, refused when more than
     * the batch has sequences (each thread takes a share of the batch's rows); by default one per
     * core, at most one per sequence.
     */
    int threads(int batch) {
        return threads.forBatch(batch);
    }

    /** {@code --threads}. */
    static final class Threads {

        Integer threads;

        private boolean given;

        private Threads(Integer threads) {
            this.threads = threads;
        }

        @Option(names = "--threads", paramLabel = "N", description = "training threads, at most one per sequence of a batch (default: one per core, "
                + "at most one per sequence)")
        void given(int n) {
            threads = n;
            given = true;
        }

        /** As {@link RunOptions#threads(int)}; null when neither given nor defaulted. */
        Integer forBatch(int batch) {
            if (threads == null) return null;
            if (threads < 1) throw new Longlag.UsageException("--threads must be at least 1, got " + threads);
            if (threads > batch && batch >= 1) {
                if (!given) return batch;
                throw new Longlag.UsageException("--threads " + threads + " is more than the " + batch + " sequences of a batch (--batch): "
                        + "each thread trains on a share of the batch's sequences, so at most " + batch + " can work");
            }
            return threads;
        }

        /** One thread per core by default. */
        static Threads cores() {
            return new Threads(Runtime.getRuntime().availableProcessors());
        }

        /** No default: null unless given. */
        static Threads unset() {
            return new Threads(null);
        }
    }
}
