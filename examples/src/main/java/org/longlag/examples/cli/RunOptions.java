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

    int threads() {
        return threads.threads;
    }

    /** {@code --threads}. */
    static final class Threads {

        @Option(names = "--threads", description = "training threads (default: cores = ${DEFAULT-VALUE})")
        Integer threads;

        private Threads(Integer threads) {
            this.threads = threads;
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
