package org.longlag.tasks.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;
import org.longlag.models.train.TrainingState;
import org.longlag.models.train.TrainingStateFile;

/**
 * Saves a run every {@code every} updates into {@code dir}, so that {@code longlag resume dir} can go
 * on from the last save if the run is cut short: the model, the training state with the optimizer's
 * moments ({@link TrainingStateFile}), and a result.json holding the run's experiment, the step
 * reached (what {@link Resume#read} reads) and the validation scores so far (which the run's own
 * result.json would have held).
 *
 * <p>A save is written complete into the sibling directory {@code dir.new} and then moved into place:
 * a run killed while writing keeps the previous save in {@code dir}; one killed between removing the
 * old save and the move leaves the new one, complete, in {@code dir.new}. The run's last update is
 * not saved here: the run writes its own files when it ends. A save that cannot be written stops
 * training with the reason, so the run ends and writes its result instead of failing later.
 */
public final class CheckpointListener implements TrainingListener, ValidationListener {

    private final Path dir;
    private final int every;
    private final Experiment experiment;
    private final List<EvaluationPoint> history = new ArrayList<>();

    /** What a checkpoint's result.json holds: enough for {@link Resume#read}, and the validations so far. */
    record Saved(Experiment experiment, int steps, long sequences, boolean checkpoint, List<EvaluationPoint> history) {
    }

    public CheckpointListener(Path dir, int every, Experiment experiment) {
        if (dir == null) throw new IllegalArgumentException("a checkpoint needs a directory");
        if (every < 1) throw new IllegalArgumentException("checkpoints every " + every + " updates: it must be at least 1");
        if (experiment == null) throw new IllegalArgumentException("a checkpoint needs the run's experiment");
        this.dir = dir;
        this.every = every;
        this.experiment = experiment;
    }

    /** Validations come before the checkpoint of the same step (the runner validates first). */
    @Override
    public void onValidation(EvaluationPoint point) {
        history.add(point);
    }

    @Override
    public void onStep(SequenceModel model, StepReport report, TrainingControl control) {
        if (report.step() % every != 0 || report.step() >= experiment.training().steps()) return;
        try {
            save(model, control.state());
        } catch (IOException | RuntimeException e) {
            control.stop("could not write the checkpoint into " + dir + " at step " + report.step() + ": " + e.getMessage());
        }
    }

    private void save(SequenceModel model, TrainingState state) throws IOException {
        Path fresh = dir.resolveSibling(dir.getFileName() + ".new");
        delete(fresh);
        Files.createDirectories(fresh);
        Path modelFile = fresh.resolve(Resume.MODEL);
        Resume.saveModel(modelFile, model, state);
        JsonFiles.write(fresh.resolve(Resume.RESULT), new Saved(experiment, state.step(), state.sequences(), true, List.copyOf(history)));
        delete(dir);
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes a checkpoint directory: only the files a checkpoint holds and the temporary files of
     * a save killed while writing (a kill -9 leaves e.g. a 0-byte model.longlag123.tmp in
     * {@code dir.new}), so a wrong path loses nothing else.
     */
    private static void delete(Path d) throws IOException {
        RunDirectory.removeCheckpoint(d);
    }
}
