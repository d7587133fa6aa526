package org.longlag.tasks.suite.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.suite.FinishedRun;
import org.longlag.tasks.suite.RunJob;
import org.longlag.tasks.suite.RunWorker;

/**
 * The Spark task of one run, on an executor: reads the run's JSON, trains it ({@link RunWorker}) in a
 * directory of its own, and returns the record with the run's artifacts as base64 text (one string:
 * what Spark sends back to the driver). Holds no state, so Spark may run it again anywhere.
 */
final class TrainRun implements Function<String, String> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = JsonFiles.mapper();

    /** One catalog per executor JVM: building it loads every model and task kind. */
    private static volatile ExperimentRunner runner;

    @Override
    public String call(String json) throws IOException {
        RunJob job = RunJob.fromJson(json);
        TaskContext t = TaskContext.get();
        // names the attempt's checkpoint directory: unique per task attempt, and it says which executor wrote it
        String attempt = "executor-" + (SparkEnv.get() == null ? "?" : SparkEnv.get().executorId()) + "-task-" + (t == null ? 0 : t.taskAttemptId());
        Path dir = Files.createTempDirectory("longlag-run-" + job.key() + "-");
        try {
            return encode(RunWorker.run(runner(), job, dir, true, attempt, RunWorker.Progress.NONE));
        } finally {
            delete(dir);
        }
    }

    private static ExperimentRunner runner() {
        ExperimentRunner r = runner;
        if (r == null) {
            synchronized (TrainRun.class) {
                if (runner == null) runner = ExperimentRunner.discover();
                r = runner;
            }
        }
        return r;
    }

    static String encode(FinishedRun f) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", f.key());
        n.set("record", f.record());
        ObjectNode files = n.putObject("files");
        f.files().forEach((path, bytes) -> files.put(path, Base64.getEncoder().encodeToString(bytes)));
        return JSON.writeValueAsString(n);
    }

    static FinishedRun decode(String text) throws IOException {
        JsonNode n = JSON.readTree(text);
        Map<String, byte[]> files = new LinkedHashMap<>();
        n.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return new FinishedRun(n.path("key").asText(), (ObjectNode) n.get("record"), files);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the run's temporary directory " + dir, e);
        }
    }
}
