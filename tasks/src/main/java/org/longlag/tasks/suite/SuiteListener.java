package org.longlag.tasks.suite;

import java.util.List;

/** Hooks a {@link SuiteRunner} calls; from several threads at once when runs go in parallel. */
public interface SuiteListener {

    /** Before any run starts: the runs to do now, and how many finished runs the store already has. */
    default void onPlan(List<SuiteRun> todo, int alreadyFinished) {
    }

    default void onStart(SuiteRun run) {
    }

    /** After each training step of a run. */
    default void onStep(SuiteRun run, int step) {
    }

    /** After the run's record is in the store. */
    default void onFinish(SuiteRun run, StoredRecord record) {
    }

    SuiteListener NONE = new SuiteListener() {
    };
}
