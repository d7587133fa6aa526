package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;
import org.longlag.tasks.experiment.CheckpointListener;
import org.longlag.tasks.experiment.Experiment;
import org.longlag.tasks.experiment.ExperimentResult;
import org.longlag.tasks.experiment.ExperimentRunner;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.experiment.Resume;

/**
 * Trains one run of a suite wherever an engine puts it (a local thread, a Spark executor) and
 * returns its record; never writes the results store, which only the planning process does.
 *
 * <p>With checkpoints on, the run saves itself every {@code checkpointEvery} updates into
 * CHECKPOINTS/KEY/checkpoints/ATTEMPT ({@link CheckpointListener}: written whole, then moved into
 * place), each attempt into its own directory so that two attempts of one run (a speculative copy, a
 * retry started while the lost one still writes) never write the same files. An attempt first looks
 * at every attempt's last save of its run and goes on from the furthest one whose experiment is this
 * run's; its record says from where ("resumed-from").
 */
public final class RunWorker {

    /** Subdirectory of a run's artifact directory that holds its checkpoints, one directory per attempt. */
    public static final String CHECKPOINTS = "checkpoints";

    /** What the worker tells about a run while it trains (local engines show it; remote ones pass {@link #NONE}). */
    public interface Progress {
        default void onStart() {
        }

        default void onStep(int step) {
        }

        Progress NONE = new Progress() {
        };
    }

    private RunWorker() {
    }

    /**
     * Trains {@code job}'s run.
     *
     * @param artifactDir where the run's files go: the store's artifacts/KEY when the worker sees the store's
     *                    directory, else a directory of its own, whose files then come back as bytes
     * @param ship        read the files in {@code artifactDir} back into the result (a worker away from the store)
     * @param attempt     names this attempt's checkpoint directory; unique among attempts that may run at once
     */
    public static FinishedRun run(ExperimentRunner runner, RunJob job, Path artifactDir, boolean ship, String attempt, Progress progress) {
        SuiteRun run = job.run();
        progress.onStart();
        Instant started = Instant.now();
        String base = SuiteRunner.ARTIFACTS + "/" + run.key() + "/";
        ObjectNode record;
        try {
            Experiment e = run.withThreads(job.threads());
            ExperimentRunner.Prepared prepared = runner.prepare(e);
            GradientNormProbe probe = run.memoryTask() && run.gradientNorms().enabled()
                    ? new GradientNormProbe(prepared.task(), run.gradientNorms(), run.seed()) : null;
            Resume from = null;
            List<TrainingListener> listeners = new ArrayList<>();
            String checkpointProblem = "";
            if (job.checkpointEvery() > 0 && !job.checkpoints().isEmpty()) {
                Path dir = Path.of(job.checkpoints()).resolve(run.key()).resolve(CHECKPOINTS);
                try {
                    Files.createDirectories(dir);
                    from = furthest(dir, e, prepared);
                    listeners.add(new CheckpointListener(dir.resolve(attempt), job.checkpointEvery(), e));
                } catch (IOException ex) {
                    // a worker that cannot write where the store keeps checkpoints (no file system shared with it) trains
                    // without them rather than not at all; the record says so
                    checkpointProblem = "no checkpoints: " + dir + " cannot be written here (" + ex.getMessage() + ")";
                }
            }
            Probe hook = new Probe(probe, from != null, progress);
            listeners.add(0, hook);
            Map<String, String> artifacts = new LinkedHashMap<>();
            Path modelFile = null;
            if (job.saveModels()) {
                modelFile = artifactDir.resolve("model.longlag");
                Files.createDirectories(artifactDir);
                artifacts.put("model", base + "model.longlag");
            }
            TrainingListener[] all = listeners.toArray(new TrainingListener[0]);
            ExperimentResult result = from == null ? runner.run(e, prepared, modelFile, artifactDir, all)
                    : runner.resume(e, prepared, from, modelFile, artifactDir, all);
            result.artifacts().forEach((name, file) -> artifacts.put(name, base + file));
            GradientNormProbe.Curve initial = hook.initial;
            if (probe != null && from != null) {
                // a resumed run's initial model is rebuilt from the run's seed: the same parameters the first attempt started from
                initial = probe.measure(SequenceModel.create(prepared.spec(), e.seeds().model()));
            }
            GradientNormProbe.Curve trained = probe == null || hook.model == null ? null : probe.measure(hook.model);
            record = RunRecord.finished(job.suite(), job.budget(), run, result, initial, trained, artifacts, started, Instant.now());
            if (!checkpointProblem.isEmpty()) record.put("checkpoint-problem", checkpointProblem);
        } catch (Exception | StackOverflowError | OutOfMemoryError ex) {
            record = RunRecord.failed(job.suite(), job.budget(), run, ex, started, Instant.now());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (ship && Files.isDirectory(artifactDir)) {
            try (Stream<Path> walk = Files.walk(artifactDir)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    String rel = artifactDir.relativize(f).toString().replace('\\', '/');
                    if (!rel.startsWith(CHECKPOINTS + "/")) files.put(base + rel, Files.readAllBytes(f));
                }
            } catch (IOException ex) {
                record = RunRecord.failed(job.suite(), job.budget(), run, ex, started, Instant.now());
                files.clear();
            }
        }
        return new FinishedRun(run.key(), record, files);
    }

    /**
     * The furthest save among the attempts' checkpoint directories in {@code dir} (each "A", or "A.new" for
     * a save made complete but not yet moved), of this run's experiment and model; null when there is none.
     * A save that cannot be read (cut off by a kill while it was written elsewhere) is passed over.
     */
    static Resume furthest(Path dir, Experiment e, ExperimentRunner.Prepared prepared) throws IOException {
        if (!Files.isDirectory(dir)) return null;
        JsonNode want = comparable(e);
        Resume best = null;
        List<Path> candidates;
        try (Stream<Path> list = Files.list(dir)) {
            candidates = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : candidates) {
            Resume r;
            try {
                r = Resume.read(c);
            } catch (IOException | RuntimeException ex) {
                continue;
            }
            if (!comparable(r.experiment()).equals(want) || !r.model().spec().equals(prepared.spec())) continue;
            if (r.state().step() >= e.training().steps()) continue;
            if (best == null || r.state().step() > best.state().step()) best = r;
        }
        return best;
    }

    /** An experiment as JSON with its thread count left out (the threads do not change what a run is). */
    private static JsonNode comparable(Experiment e) {
        ObjectNode n = JsonFiles.mapper().valueToTree(e.training().threads() == 1 ? e
                : new Experiment(e.model(), e.modelOptions(), e.task(), e.taskOptions(), e.training().withThreads(1), e.evaluation(), e.seed()));
        return n;
    }

    /** Measures gradient norms at initialization (a run from scratch), keeps the model for the measurement after training, and reports steps. */
    private static final class Probe implements TrainingListener {
        private final GradientNormProbe probe;
        private final boolean resumed;
        private final Progress progress;
        SequenceModel model;
        GradientNormProbe.Curve initial;

        Probe(GradientNormProbe probe, boolean resumed, Progress progress) {
            this.probe = probe;
            this.resumed = resumed;
            this.progress = progress;
        }

        @Override
        public void onStart(SequenceModel m, TrainingConfig config) {
            model = m;
            if (probe != null && !resumed) initial = probe.measure(m);
        }

        @Override
        public void onStep(SequenceModel m, StepReport report, TrainingControl control) {
            progress.onStep(report.step());
        }
    }
}
