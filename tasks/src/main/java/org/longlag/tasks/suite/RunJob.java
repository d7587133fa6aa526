package org.longlag.tasks.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.longlag.tasks.experiment.JsonFiles;

/**
 * One run as an engine ships it to where it trains: everything {@link RunWorker} needs, and nothing
 * that ties it to the process that planned it. It travels as JSON text ({@link #toJson}), so an engine
 * on other machines needs only the library on its class path, not Java serialization of its classes.
 *
 * @param suite           the suite's name (for the record)
 * @param budget          the budget's name (for the record)
 * @param run             the run, resolved
 * @param threads         training threads
 * @param saveModels      whether the trained model is kept as an artifact
 * @param checkpointEvery every how many updates the run saves itself (0: never)
 * @param checkpoints     the directory holding the checkpoints of every run (one subdirectory per key), or
 *                        "" for none; the worker must see it (a file system shared with the planner)
 */
public record RunJob(String suite, String budget, SuiteRun run, int threads, boolean saveModels, int checkpointEvery, String checkpoints) {

    private static final ObjectMapper JSON = JsonFiles.mapper();

    public RunJob {
        if (threads < 1) throw new IllegalArgumentException("a run needs at least one thread, got " + threads);
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint-every must be 0 or positive, got " + checkpointEvery);
        checkpoints = checkpoints == null ? "" : checkpoints;
    }

    public String key() {
        return run.key();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + run.id() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public static RunJob fromJson(String json) {
        try {
            return JSON.readValue(json, RunJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run job: " + e.getOriginalMessage(), e);
        }
    }
}
