package org.longlag.tasks.dsr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.dynamics.systems.OdeSystems;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;
import org.longlag.models.forcing.GeneralizedForcing;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.TaskScore;
import org.longlag.tasks.registry.TaskCatalog;
import org.nd4j.linalg.dataset.api.DataSet;

/** The reconstruction task: its data, its batches, its model adaptation and its evaluation. */
class ReconstructionTaskTest {

    private static ReconstructionTask lorenz(Map<String, Object> extra) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("length", 3000);
        o.put("test-length", 500);
        o.put("seq-length", 25);
        o.putAll(extra);
        return (ReconstructionTask) TaskCatalog.discover().build("dsr", o);
    }

    @Test
    void batchesAreWindowsOfTheTrainingTrajectoryWithTheStartUnscored() {
        ReconstructionTask task = lorenz(Map.of());
        assertFalse(TaskCatalog.discover().kind("dsr").isMemoryTask());
        assertEquals(1, task.shape().inputSize());
        assertEquals(3, task.shape().outputSize());
        DataSet d = task.next(4, new SplittableRandom(1));
        assertArrayEquals(new long[] {4, 1, 26}, d.getFeatures().shape());
        assertArrayEquals(new long[] {4, 3, 26}, d.getLabels().shape());
        assertArrayEquals(new long[] {4, 26}, d.getLabelsMaskArray().shape());
        assertEquals(0.0, d.getFeatures().sumNumber().doubleValue(), 0, "autonomous: the input is zero");
        double[][] train = task.data().train();
        for (int b = 0; b < 4; b++) {
            assertEquals(0.0, d.getLabelsMaskArray().getDouble(b, 0), 0);
            for (int t = 1; t < 26; t++) assertEquals(1.0, d.getLabelsMaskArray().getDouble(b, t), 0);
            int start = find(train, d.getLabels().getDouble(b, 0, 0), d.getLabels().getDouble(b, 1, 0));
            for (int t = 0; t < 26; t++) {
                for (int o = 0; o < 3; o++) assertEquals(train[start + t][o], d.getLabels().getDouble(b, o, t), 1e-6, "window row " + t);
            }
        }
        assertArrayEquals(d.getLabels().data().asDouble(), task.next(4, new SplittableRandom(1)).getLabels().data().asDouble(), 0, "seeded");
    }

    private static int find(double[][] train, double x, double y) {
        for (int s = 0; s < train.length; s++) if (Math.abs(train[s][0] - x) < 1e-6 && Math.abs(train[s][1] - y) < 1e-6) return s;
        throw new AssertionError("window start not in the training data");
    }

    @Test
    void dataAreStandardizedOnTheTrainingPartAndNoiseIsOnlyOnTraining() {
        ReconstructionTask task = lorenz(Map.of("noise", 0.05));
        double[][] train = task.data().train();
        for (int j = 0; j < 3; j++) {
            double m = 0, s = 0;
            for (double[] r : train) m += r[j] / train.length;
            for (double[] r : train) s += (r[j] - m) * (r[j] - m) / (train.length - 1);
            assertEquals(0, m, 1e-9);
            assertEquals(1, s, 1e-9);
        }
        double[][] clean = TrajectoryGenerator.generate(OdeSystems.create("lorenz63"), TrajectorySpec.of(0.01, 3500).withTransient(50)).data();
        double[][] testRaw = task.data().standardization().invert(task.data().test());
        for (int t = 0; t < 500; t++) assertArrayEquals(clean[3000 + t], testRaw[t], 1e-9, "the test part is the clean continuation");
        double[][] trainRaw = task.data().standardization().invert(train);
        assertTrue(Math.abs(trainRaw[10][0] - clean[10][0]) > 1e-6, "training data carry the noise");
    }

    @Test
    void optionsSelectForcingAndObservationModel() {
        assertEquals(GeneralizedForcing.adaptive(), lorenz(Map.of()).forcing(), "the reference's adaptive GTF by default");
        assertEquals(new SparseForcing(7), lorenz(Map.of("forcing", "sparse", "tau", 7)).forcing());
        ModelCatalog models = ModelCatalog.discover();
        ReconstructionTask task = lorenz(Map.of());
        ModelSpec sh = task.adapt(models.build("shplrnn", task.shape(), Map.of("hidden", 3)));
        assertEquals(new IdentityReadout(3), sh.readout());
        ModelSpec lstm = task.adapt(models.build("lstm", task.shape(), Map.of("hidden", 8)));
        assertEquals(new LinearReadout(3), lstm.readout());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> task.adapt(models.build("plrnn", task.shape(), Map.of("hidden", 2))));
        assertTrue(small.getMessage().contains("at least 3 latent units"), small.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lorenz(Map.of("forcing", "teacher"))).getMessage().contains("gtf, sparse, free or none"));
        assertEquals(org.longlag.models.forcing.SparseForcing.startOnly(), lorenz(Map.of("forcing", "free")).forcing(), "free: only the start from data");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lorenz(Map.of("system", "lorenz"))).getMessage().contains("known systems"));
    }

    @Test
    void csvTrajectoriesAreSplitInTimeAndBadFilesNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rot.csv");
        RotationModel.write(file, 2 * Math.PI / 50, 1000);
        ReconstructionData d = ReconstructionData.fromCsv(file, 0.1, 0.25);
        assertEquals(750, d.train().length);
        assertEquals(250, d.test().length);
        assertEquals(0.1, d.dt(), 0);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ReconstructionData.fromCsv(dir.resolve("none.csv"), 1, 0.2));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Path tiny = dir.resolve("tiny.csv");
        RotationModel.write(tiny, 0.1, 100);
        IllegalArgumentException shortFile = assertThrows(IllegalArgumentException.class, () -> ReconstructionData.fromCsv(tiny, 1, 0.2));
        assertTrue(shortFile.getMessage().contains("too few"), shortFile.getMessage());
        Files.writeString(dir.resolve("nan.csv"), "1,2\n3,nan\n");
        assertThrows(Exception.class, () -> ReconstructionData.fromCsv(dir.resolve("nan.csv"), 1, 0.2));
    }

    /**
     * A model that is the data's map exactly reproduces the attractor (D_stsp and D_H near 0, tiny
     * prediction error); the same model with a wrong frequency is clearly worse in D_H and prediction.
     * The period (47.3 steps) is not a whole number of samples, so the circle is sampled densely and
     * no sample sits exactly on a bin edge.
     */
    @Test
    void evaluationScoresAnExactModelNearZeroAndAWrongOneWorse(@TempDir Path dir) throws Exception {
        double omega = 2 * Math.PI / 47.3;
        Path file = dir.resolve("rot.csv");
        RotationModel.write(file, omega, 16000);
        ReconstructionTask task = csvTask(file);
        ReconstructionEvaluation exact = task.evaluate(RotationModel.exact(omega, task.data().standardization()));
        TaskScore s = exact.score();
        assertEquals(List.of("dstsp", "dh", "prediction_error", "error", "diverged"), List.copyOf(s.metrics().keySet()));
        assertEquals(s.get("dstsp"), s.get("error"), 0);
        assertEquals(task.data().test().length, exact.generated().length);
        assertTrue(s.get("dstsp") < 0.05, "exact model D_stsp " + s.get("dstsp"));
        assertTrue(s.get("dh") < 0.03, "exact model D_H " + s.get("dh") + " (the same frequency at another phase leaks slightly differently)");
        assertTrue(s.get("prediction_error") < 1e-12, "exact model PE " + s.get("prediction_error"));
        assertTrue(s.solved());
        assertTrue(s.chanceError() > 1, "a memoryless Gaussian is far from a circle: " + s.chanceError());

        TaskScore wrong = task.evaluate(RotationModel.exact(omega * 1.5, task.data().standardization())).score();
        assertTrue(wrong.get("dh") > 0.3, "wrong frequency D_H " + wrong.get("dh"));
        assertTrue(wrong.get("prediction_error") > 0.1, "wrong frequency PE " + wrong.get("prediction_error"));
    }

    @Test
    void aDivergingModelIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rot.csv");
        RotationModel.write(file, 0.1, 1000);
        ReconstructionTask task = csvTask(file);
        // A = diag(50, 50) on top of the rotation: orbits grow about 50-fold per step and overflow
        SequenceModel blowUp = RotationModel.exact(0.1, task.data().standardization());
        double[] theta = blowUp.parameters().toDoubleVector();
        theta[0] = 50;
        theta[1] = 50;
        blowUp.setParameters(org.nd4j.linalg.factory.Nd4j.createFromArray(theta));
        TaskScore s = task.evaluate(blowUp).score();
        assertEquals(1.0, s.get("diverged"), 0);
        assertTrue(Double.isNaN(s.get("dstsp")));
        assertFalse(s.solved());
    }

    @Test
    void trainingWithForcingRunsOnAnyCell() {
        ReconstructionTask task = lorenz(Map.of("forcing", "gtf", "alpha-interval", 1));
        for (String kind : List.of("shplrnn", "lstm")) {
            ModelSpec spec = task.adapt(ModelCatalog.discover().build(kind, task.shape(), Map.of("hidden", 4)));
            SequenceModel m = SequenceModel.create(spec, 2);
            double[] before = m.parameters().toDoubleVector();
            try (Trainer t = new Trainer(m, TrainingConfig.defaults(3, 4).withBatchSize(4).withThreads(2))) {
                t.fit(task);
            }
            assertFalse(java.util.Arrays.equals(before, m.parameters().toDoubleVector()), kind + " trained");
        }
    }

    private static ReconstructionTask csvTask(Path file) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("csv", file.toString());
        o.put("test-fraction", 0.25);
        o.put("seq-length", 20);
        return (ReconstructionTask) TaskCatalog.discover().build("dsr", o);
    }
}
