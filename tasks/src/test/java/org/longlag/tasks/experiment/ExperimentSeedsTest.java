package org.longlag.tasks.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.train.TrainingConfig;

/** The run's seed is the one a caller chooses; the experiment derives the others, the training config's included. */
class ExperimentSeedsTest {

    private static Experiment experiment(long trainingSeed, long seed) {
        return new Experiment("lstm", Map.of(), "addition", Map.of("lag", 10), TrainingConfig.defaults(5, trainingSeed), EvaluationConfig.defaults(), seed);
    }

    @Test
    void theTrainingSeedIsDerivedFromTheRunsSeedWhateverTheConfigSaid() {
        Experiment a = experiment(0, 7), b = experiment(12345, 7);
        assertEquals(Experiment.Seeds.of(7).training(), a.training().seed());
        assertEquals(a, b);
        assertNotEquals(a.training().seed(), experiment(0, 8).training().seed());
        Experiment.Seeds s = a.seeds();
        assertEquals(4, java.util.Set.of(s.model(), s.training(), s.validation(), s.test()).size(), "independent streams");
    }

    @Test
    void theStoredExperimentReadsBackAsTheSameRun() throws Exception {
        Experiment e = experiment(0, 3).withTraining(TrainingConfig.defaults(9, 99));
        Experiment back = JsonFiles.mapper().readValue(JsonFiles.mapper().writeValueAsString(e), Experiment.class);
        assertEquals(e, back);
        assertEquals(9, back.training().steps());
        assertEquals(Experiment.Seeds.of(3).training(), back.training().seed());
    }
}
