package org.longlag.tasks.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.train.TrainingConfig;

/** What a run keeps when it stops: a save that cannot be written stops it with the reason, a killed save's leftovers do not stop the next, a failing test keeps the trained model. */
class CheckpointListenerTest {

    private static Experiment tiny() {
        return new Experiment("plrnn", Map.of("hidden", 4), "addition", Map.of("lag", 6), TrainingConfig.defaults(12, 1).withThreads(1).withBatchSize(8),
                new EvaluationConfig(0, 20, 20, false), 3);
    }

    @Test
    void aSaveThatCannotBeWrittenStopsTheRunWhichIsThenNotCompleted(@TempDir Path dir) throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("checkpoint.new")).resolve("notes.txt");
        Files.writeString(foreign, "mine");
        Experiment e = tiny();
        ExperimentResult r = ExperimentRunner.discover().run(e, null, new CheckpointListener(dir.resolve("checkpoint"), 5, e));
        assertEquals(5, r.steps());
        assertTrue(r.stopReason().contains("holds files that are not a checkpoint's (notes.txt)"), r.stopReason());
        assertFalse(r.completed(), "a run stopped by a failed save did not end as planned");
        assertEquals("mine", Files.readString(foreign));
    }

    @Test
    void theTemporaryFilesOfASaveKilledMidWriteAreClearedAtTheNextSave(@TempDir Path dir) throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("checkpoint.new"));
        Files.createFile(fresh.resolve("model.longlag12345.tmp")); // what a kill -9 inside the model file's write leaves
        Files.createFile(fresh.resolve(".result.json678.tmp"));
        Experiment e = tiny();
        ExperimentResult r = ExperimentRunner.discover().run(e, null, new CheckpointListener(dir.resolve("checkpoint"), 5, e));
        assertEquals(12, r.steps());
        assertTrue(r.completed(), r.stopReason());
        assertEquals(10, Resume.read(dir.resolve("checkpoint")).state().step());
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aRunSolvedOrRunToTheEndIsCompletedAndADivergedOneIsNot() {
        Experiment e = tiny();
        ExperimentResult done = ExperimentRunner.discover().run(e, null);
        assertTrue(done.completed());
        ExperimentResult diverged = ExperimentRunner.discover().run(e.withTraining(e.training().withOptimizer(
                new org.longlag.models.train.Optimizer(org.longlag.models.train.Optimizer.Kind.SGD, 1e6)).withClipNorm(0)), null);
        assertFalse(diverged.diverged().isEmpty(), "SGD at 1e6 diverges");
        assertFalse(diverged.completed());
    }

    /** A test that fails (here out of memory, as a long test set can) keeps the trained model: it is written when training ends. */
    @Test
    void aFailingTestKeepsTheTrainedModel(@TempDir Path dir) throws Exception {
        Experiment e = tiny();
        ExperimentRunner runner = ExperimentRunner.discover();
        ExperimentRunner.Prepared p = runner.prepare(e);
        org.longlag.tasks.Task inner = p.task();
        org.longlag.tasks.Task failing = new org.longlag.tasks.Task() {
            public String name() { return inner.name(); }
            public org.longlag.models.registry.TaskShape shape() { return inner.shape(); }
            public org.longlag.tasks.TaskScore score(org.nd4j.linalg.api.ndarray.INDArray o, org.nd4j.linalg.dataset.api.DataSet d) { return inner.score(o, d); }
            public Object config() { return inner.config(); }
            public org.nd4j.linalg.dataset.api.DataSet next(int size, java.util.SplittableRandom rng) { return inner.next(size, rng); }
            public org.longlag.models.loss.LossFunction loss() { return inner.loss(); }
            @Override
            public org.longlag.tasks.TaskScore test(org.longlag.models.model.SequenceModel m, int samples, long seed, org.longlag.tasks.ArtifactSink a) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        ExperimentRunner.Prepared broken = new ExperimentRunner.Prepared(failing, p.taskSettings(), p.spec(), p.modelSettings());
        Path model = dir.resolve(Resume.MODEL);
        org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, () -> runner.run(e, broken, model));
        assertEquals(12, org.longlag.models.train.TrainingStateFile.read(dir.resolve(Resume.STATE)).step(), "the model of the finished training is saved");
        assertTrue(Files.size(model) > 0);
    }
}
