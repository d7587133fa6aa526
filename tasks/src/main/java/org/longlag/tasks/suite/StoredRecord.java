package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One complete line of a results store.
 *
 * @param line   1-based line number in the store file
 * @param key    the run's key
 * @param status "ok", "diverged" or "failed"
 * @param node   the whole record
 */
public record StoredRecord(int line, String key, String status, JsonNode node) {

    /** A finished run: it trained to the end, stopped early by design, or diverged (which is a result). Failed runs are retried on resume. */
    public boolean finished() {
        return RunRecord.OK.equals(status) || RunRecord.DIVERGED.equals(status);
    }
}
