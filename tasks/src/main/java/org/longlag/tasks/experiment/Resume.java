package org.longlag.tasks.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.TrainingState;
import org.longlag.models.train.TrainingStateFile;

/**
 * A saved run to go on from: the experiment its result.json resolved, its trained model and where
 * its training stood ({@link TrainingStateFile}, or, for a directory written before those files
 * existed, the steps and sequences its result.json reports, without the optimizer's state).
 */
public record Resume(Path directory, Experiment experiment, SequenceModel model, TrainingState state) {

    /** The files of a run directory, as {@code longlag train} writes them and resume reads them. */
    public static final String RESULT = "result.json";
    public static final String MODEL = "model.longlag";
    /** The training state beside {@link #MODEL} ({@link TrainingStateFile#besideModel}). */
    public static final String STATE = TrainingStateFile.besideModel(Path.of(MODEL)).getFileName().toString();

    /** The same run with the optimizer to restart (zero moments, bias correction from the first update). */
    public Resume withoutOptimizerState() {
        return new Resume(directory, experiment, model, TrainingState.at(state.step(), state.sequences()));
    }

    /**
     * Writes a model file and, beside it, where training stood (model.longlag gives model.state):
     * the pair {@link #read} reads back.
     */
    public static void saveModel(Path modelFile, SequenceModel model, TrainingState state) throws IOException {
        model.save(modelFile);
        TrainingStateFile.write(TrainingStateFile.besideModel(modelFile), state);
    }

    /** Reads DIR/result.json, DIR/model.longlag and, when present, DIR/model.state. */
    public static Resume read(Path dir) throws IOException {
        Path result = dir.resolve(RESULT);
        if (!Files.isRegularFile(result)) throw new IOException("no " + RESULT + " in " + dir + ": not a run directory");
        JsonNode json;
        try {
            json = JsonFiles.mapper().readTree(result.toFile());
        } catch (IOException e) {
            throw new IOException(result + " is not readable JSON: " + e.getMessage(), e);
        }
        if (!json.has("experiment") && json.has("run")) {
            throw new IOException(result + " is the result of 'longlag dsr'; resume goes on with runs of 'longlag train'");
        }
        Experiment experiment;
        try {
            experiment = JsonFiles.mapper().treeToValue(json.get("experiment"), Experiment.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(result + " does not hold a readable experiment: " + e.getMessage(), e);
        }
        if (experiment == null) throw new IOException(result + " has no experiment section");
        Path modelFile = dir.resolve(MODEL);
        SequenceModel model = SequenceModel.load(modelFile);
        Path stateFile = TrainingStateFile.besideModel(modelFile);
        TrainingState state;
        if (Files.exists(stateFile)) {
            state = TrainingStateFile.read(stateFile);
        } else {
            int steps = json.path("steps").asInt(-1);
            long sequences = json.path("sequences").asLong(-1);
            if (steps < 0 || sequences < 0) throw new IOException(result + " does not say how many steps and sequences the run did");
            state = TrainingState.at(steps, sequences);
        }
        return new Resume(dir, experiment, model, state);
    }
}
