package org.longlag.tasks.suite;

import java.nio.file.Path;
import org.longlag.tasks.experiment.ExperimentRunner;

/** A suite run in its own JVM, for {@link KillAndResumeTest}: {@code SuiteChild SUITE_FILE STORE_DIR PARALLEL}. */
public final class SuiteChild {

    private SuiteChild() {
    }

    public static void main(String[] args) throws Exception {
        ExperimentRunner runner = ExperimentRunner.discover();
        Suite suite = new SuiteReader(runner).read(Path.of(args[0]), "quick");
        try (ResultsStore store = ResultsStore.open(Path.of(args[1]))) {
            if (!store.repair().isEmpty()) System.out.println("repaired: " + store.repair());
            SuiteRunner.Outcome o = new SuiteRunner(runner, Integer.parseInt(args[2]), false).run(suite, store, SuiteListener.NONE);
            System.out.println("done: " + o);
        }
    }
}
