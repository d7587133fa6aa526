package org.longlag.tasks.dsr;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.dynamics.metrics.DsrComparison;
import org.longlag.dynamics.metrics.DsrMetrics;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskContractTest;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The task contract for reconstruction, on a sampled rotation (a CSV file): the perfect model is
 * the rotation's exact map ({@link RotationModel}); the memoryless stand-in is what the chance level
 * states, independent Gaussian draws with the test data's means and standard deviations, here
 * drawn from other seeds.
 */
class ReconstructionTaskContractTest extends TaskContractTest {

    private static final double OMEGA = 2 * Math.PI / 47.3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeRotation() throws Exception {
        RotationModel.write(dir.resolve("rot.csv"), OMEGA, 8000);
    }

    @Override
    protected String kind() {
        return "dsr";
    }

    @Override
    protected Map<String, Object> options() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("csv", dir.resolve("rot.csv").toString());
        o.put("test-fraction", 0.25);
        o.put("seq-length", 20);
        return o;
    }

    /** Every step but the window's start, which teacher forcing sets. */
    @Override
    protected boolean lossApplies(INDArray x, int b, int t) {
        return t > 0;
    }

    @Override
    protected INDArray memorylessOutputs(int batch, int steps) {
        throw new UnsupportedOperationException("reconstruction is scored by free runs; see memorylessScore");
    }

    @Override
    protected TaskScore perfectScore(Task task, DataSet data) {
        ReconstructionTask r = (ReconstructionTask) task;
        return r.evaluate(RotationModel.exact(OMEGA, r.data().standardization())).score();
    }

    /** D_stsp (and D_H, for the criterion) of Gaussian draws with the test data's per-dimension means and standard deviations. */
    @Override
    protected TaskScore memorylessScore(Task task, long seed) {
        ReconstructionTask r = (ReconstructionTask) task;
        double[][] truth = r.data().test();
        int n = truth[0].length;
        double[] mean = new double[n], var = new double[n];
        for (double[] row : truth) for (int j = 0; j < n; j++) mean[j] += row[j] / truth.length;
        for (double[] row : truth) for (int j = 0; j < n; j++) var[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (truth.length - 1);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] draws = new double[truth.length][n];
        for (double[] row : draws) for (int j = 0; j < n; j++) row[j] = mean[j] + Math.sqrt(var[j]) * rng.nextGaussian();
        DsrComparison c = DsrMetrics.compare(truth, draws);
        ReconstructionConfig config = r.reconstruction();
        return new TaskScore(Map.of("error", c.dstsp()), "error", c.dstsp() < config.solvedDstsp() && c.dh() < config.solvedDh(),
                "as the task's", r.chanceError());
    }

    /** The stated chance level is the D_stsp of one set of draws. */
    @Override
    protected boolean chanceIsOneDraw() {
        return true;
    }
}
