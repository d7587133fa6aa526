package org.longlag.tasks.dsr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.dynamics.metrics.DsrComparison;
import org.longlag.dynamics.metrics.DsrMetrics;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.models.autonomous.FreeRun;
import org.longlag.models.forcing.Forcing;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.ArtifactSink;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Dynamical-system reconstruction: learn a map whose free runs reproduce a system's attractor.
 *
 * <p><b>Training</b> (the GTF-shPLRNN reference protocol, {@code src/tf_training/dataset.jl} and
 * {@code training.jl}): a batch is random windows x_s, ..., x_{s+L} of the standardized training
 * trajectory. The model runs autonomously (one input channel, always 0) for L + 1 steps: step 0
 * leads to the start, which teacher forcing sets from x_s; step k then predicts x_{s+k}, the loss is
 * the MSE of those L predictions (the labels at step k are x_{s+k}, the labels mask drops step 0),
 * and teacher forcing (sparse or generalized) pulls the states toward the data as it goes.
 *
 * <p><b>Evaluation</b> ({@code src/evaluation.jl}): from the first test point the model runs freely
 * for 1.25 T steps (T the test length); the first 0.25 T are dropped as transient and the rest is
 * compared with the test trajectory by D_stsp and D_H ({@code DsrMetrics.compare}), beside the
 * n-step prediction error along the test data. The score's "error" is D_stsp; its chance level is
 * the D_stsp of a memoryless stand-in: independent Gaussian draws with the test data's per-dimension
 * means and standard deviations.
 */
public final class ReconstructionTask implements Task {

    private static final long CHANCE_SEED = 0x5eedL;

    /** Artifact name of the free run written by {@link #test}: CSV in the data's units, a row per time step. */
    public static final String GENERATED_ARTIFACT = "generated-trajectory";
    /** Artifact name of the test trajectory written by {@link #test}: CSV in the data's units. */
    public static final String TRUE_ARTIFACT = "true-trajectory";

    private final ReconstructionData data;
    private final ReconstructionConfig config;
    private final Map<String, Object> settings;
    private Double chance;

    /**
     * @param settings the resolved options, reported by {@link #config()}
     */
    public ReconstructionTask(ReconstructionData data, ReconstructionConfig config, Map<String, Object> settings) {
        if (data == null || config == null) throw new IllegalArgumentException("data and config must be given");
        if (config.sequenceLength() + 1 > data.train().length) {
            throw new IllegalArgumentException("seq-length " + config.sequenceLength() + " needs a training trajectory of at least "
                    + (config.sequenceLength() + 1) + " rows, got " + data.train().length);
        }
        if (config.predictionSteps() >= data.test().length) {
            throw new IllegalArgumentException("pe-steps " + config.predictionSteps() + " needs a longer test trajectory than " + data.test().length + " rows");
        }
        this.data = data;
        this.config = config;
        this.settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public ReconstructionData data() {
        return data;
    }

    public ReconstructionConfig reconstruction() {
        return config;
    }

    @Override
    public String name() {
        return "dsr";
    }

    /** One (zero) input, N outputs; the "lag" is the window length. */
    @Override
    public TaskShape shape() {
        return new TaskShape(1, data.dimension(), config.sequenceLength());
    }

    @Override
    public LossFunction loss() {
        return LossFunction.MSE;
    }

    @Override
    public Forcing forcing() {
        return config.forcing();
    }

    @Override
    public ModelSpec adapt(ModelSpec spec) {
        return config.observation().apply(spec, data.dimension());
    }

    /** Windows of L + 1 points at uniform random starts: zero features, labels x_s..x_{s+L}, step 0 unscored. */
    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int steps = config.sequenceLength() + 1;
        int n = data.dimension();
        double[][] train = data.train();
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(size, 1, n, steps);
        for (int b = 0; b < size; b++) {
            int start = rng.nextInt(train.length - steps + 1);
            for (int t = 0; t < steps; t++) {
                double[] x = train[start + t];
                for (int o = 0; o < n; o++) batch.target(b, t, o, x[o]);
                if (t > 0) batch.lossAt(b, t);
            }
        }
        return batch.build();
    }

    /** Reconstruction is scored by running the model freely: see {@link #evaluate(SequenceModel)}. */
    @Override
    public TaskScore score(INDArray outputs, DataSet data) {
        throw new UnsupportedOperationException("a reconstruction is scored by generating freely from the model "
                + "(ReconstructionTask.evaluate(model)), not from outputs on training windows");
    }

    /** The held-out evaluation; the data set (training windows) is not used. */
    @Override
    public TaskScore evaluate(SequenceModel model, DataSet ignored) {
        return evaluate(model).score();
    }

    /**
     * The held-out evaluation ({@link #evaluate(SequenceModel)}; {@code samples} and {@code seed}
     * are not used), and with {@code artifacts} the two trajectories it compared, in the data's
     * units with columns x1..xN: "generated-trajectory" as generated.csv (its finite leading rows
     * if the free run left the finite numbers; none if fewer than 2) and "true-trajectory" as
     * truth.csv.
     */
    @Override
    public TaskScore test(SequenceModel model, int samples, long seed, ArtifactSink artifacts) throws IOException {
        ReconstructionEvaluation e = evaluate(model);
        if (artifacts != null) write(e, artifacts);
        return e.score();
    }

    /** Writes an evaluation's trajectories as {@link #test} does. */
    public void write(ReconstructionEvaluation e, ArtifactSink artifacts) throws IOException {
        List<String> header = new ArrayList<>();
        for (int j = 1; j <= data.dimension(); j++) header.add("x" + j);
        double[][] generated = e.generated();
        int finite = 0;
        while (finite < generated.length && isFinite(generated[finite])) finite++;
        if (finite >= 2) {
            double[][] rows = finite == generated.length ? generated : java.util.Arrays.copyOf(generated, finite);
            TrajectoryCsv.write(artifacts.file(GENERATED_ARTIFACT, "generated.csv"), data.standardization().invert(rows), header);
        }
        TrajectoryCsv.write(artifacts.file(TRUE_ARTIFACT, "truth.csv"), data.standardization().invert(e.truth()), header);
    }

    /** Free run from the first test point, D_stsp, D_H and prediction error on the test trajectory. */
    public ReconstructionEvaluation evaluate(SequenceModel model) {
        double[][] truth = data.test();
        int length = truth.length;
        int drop = (int) Math.floor(config.transientFraction() * length);
        FreeRun run = FreeRun.of(model);
        double[][] all = run.generate(truth[0], length + drop);
        double[][] generated = java.util.Arrays.copyOfRange(all, drop, all.length);
        double dstsp = Double.NaN, dh = Double.NaN;
        boolean finite = isFinite(generated);
        if (finite) {
            DsrComparison c = DsrMetrics.compare(truth, generated);
            dstsp = c.dstsp();
            dh = c.dh();
        }
        double pe = run.predictionErrorCurve(truth, config.predictionSteps())[config.predictionSteps() - 1];
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("dstsp", dstsp);
        m.put("dh", dh);
        m.put("prediction_error", pe);
        m.put("error", dstsp);
        m.put("diverged", finite ? 0.0 : 1.0);
        boolean solved = dstsp < config.solvedDstsp() && dh < config.solvedDh();
        String criterion = String.format(java.util.Locale.ROOT, "dstsp < %s and dh < %s", config.solvedDstsp(), config.solvedDh());
        return new ReconstructionEvaluation(new TaskScore(m, "dstsp", solved, criterion, chanceError()), generated, truth);
    }

    /** D_stsp of independent Gaussian draws with the test data's per-dimension means and stds. */
    public synchronized double chanceError() {
        if (chance == null) {
            double[][] truth = data.test();
            int n = data.dimension();
            double[] mean = new double[n], std = new double[n];
            for (double[] row : truth) for (int j = 0; j < n; j++) mean[j] += row[j] / truth.length;
            for (double[] row : truth) for (int j = 0; j < n; j++) std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (truth.length - 1);
            SplittableRandom rng = new SplittableRandom(CHANCE_SEED);
            double[][] draws = new double[truth.length][n];
            for (double[] row : draws) for (int j = 0; j < n; j++) row[j] = mean[j] + Math.sqrt(std[j]) * rng.nextGaussian();
            chance = DsrMetrics.compare(truth, draws).dstsp();
        }
        return chance;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>(settings);
        c.put("data", data.source());
        c.put("train_rows", data.train().length);
        c.put("test_rows", data.test().length);
        c.put("standardization_means", data.standardization().means());
        c.put("standardization_stds", data.standardization().stds());
        c.put("forcing_rule", config.forcing().toString());
        return c;
    }

    private static boolean isFinite(double[][] x) {
        for (double[] row : x) if (!isFinite(row)) return false;
        return true;
    }

    private static boolean isFinite(double[] row) {
        for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }
}
