package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** Registry entries for the copy and copy-memory tasks. */
public final class CopyKinds {

    private CopyKinds() {
    }

    /** "copy" */
    public static final class Copy implements TaskKind<Copy.Options> {

        public record Options(@Doc("bits per vector") int width,
                              @Doc("shortest training sequence") int minLength,
                              @Doc("wrong bits per sequence that count as solved") double solvedBits,
                              @Doc("training batches: mixed (each sequence its own length, padded) or same"
                                      + " (one length per batch, as Collier & Beel 2018; about half the steps)") CopyTask.BatchLengths batchLengths) {

            public static final Options DEFAULTS = new Options(8, 1, 0.1, CopyTask.BatchLengths.MIXED);

            public Options {
                OptionChecks.atLeast("width", width, 1);
                OptionChecks.atLeast("min-length", minLength, 1);
                OptionChecks.atLeast("solved-bits", solvedBits, 0);
                OptionChecks.given("batch-lengths", batchLengths);
            }
        }

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
        public Options defaults() {
            return Options.DEFAULTS;
        }

        @Override
        public Task build(int lag, Options o) {
            return new CopyTask(o.width(), o.minLength(), lag, o.solvedBits(), o.batchLengths());
        }
    }

    /** "copymemory" */
    public static final class CopyMemory implements TaskKind<CopyMemory.Options> {

        public record Options(@Doc("fraction of recalled symbols correct that counts as solved") double solvedAccuracy) {

            public static final Options DEFAULTS = new Options(0.95);

            public Options {
                OptionChecks.inHalfOpen("solved-accuracy", solvedAccuracy, 0, 1);
            }
        }

        @Override
        public String name() {
            return "copymemory";
        }

        @Override
        public String description() {
            return "copying-memory problem (Arjovsky et al. 2016): recall 10 symbols after T blanks";
        }

        @Override
        public Options defaults() {
            return Options.DEFAULTS;
        }

        @Override
        public Task build(int lag, Options o) {
            return new CopyMemoryTask(lag, o.solvedAccuracy());
        }
    }
}
