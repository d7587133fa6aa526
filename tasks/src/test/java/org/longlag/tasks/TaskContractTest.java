package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.models.train.BatchSource;
import org.longlag.tasks.experiment.JsonFiles;
import org.longlag.tasks.registry.TaskCatalog;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract every {@link Task} keeps; a task's test subclasses this and says, from the task's
 * protocol, where the loss applies and what the best predictor that ignores the inputs outputs.
 * The contract then checks:
 * <ul>
 *   <li>determinism: the same seed gives the same batch, bit for bit, whatever was drawn before;
 *       another seed another batch (for the task, its training batches and its generalization
 *       variants);</li>
 *   <li>shapes and masks: features [batch, {@code shape().inputSize()}, time] and labels
 *       [batch, {@code shape().outputSize()}, time] in float32, the labels mask (or its absence,
 *       meaning every step) exactly where {@link #lossApplies} says, targets that fit the loss
 *       (bits for binary cross-entropy, one-hot classes for softmax cross-entropy), one-hot symbols
 *       for a task with a {@link Task#vocabulary()}, variants with the task's widths;</li>
 *   <li>the chance level: a memoryless predictor ({@link #memorylessOutputs}, which sees only the
 *       batch size and the number of steps) is simulated on {@link #chanceBatches()} independent
 *       batches and scored by the task's own {@code score}; its error must lie within
 *       {@value #STANDARD_ERRORS} standard errors of the stated chance error (the standard error
 *       from the spread over the batches, so the tolerance follows the sample size), and it must
 *       not count as solved;</li>
 *   <li>the perfect prediction (the targets fed back as outputs, in the task's output space:
 *       logits for cross-entropy) counts as solved, on the task and each variant;</li>
 *   <li>the configuration round trip: the kind's resolved settings written as JSON and read back
 *       resolve to the same settings and build a task with the same configuration (compared as
 *       JSON) and the same batches; the configuration itself survives JSON unchanged.</li>
 * </ul>
 *
 * <p>A task of your own, in your own module, keeps the same contract: register its
 * {@link org.longlag.tasks.registry.TaskKind} and depend on this module's test classes, which the
 * build publishes as a test jar, beside JUnit 5:
 * <pre>{@code
 * <dependency>
 *   <groupId>org.longlag</groupId>
 *   <artifactId>longlag-tasks</artifactId>
 *   <version>${longlag.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * then subclass this class in your tests (see {@code CopyTaskContractTest} for a small example).
 */
public abstract class TaskContractTest {

    /**
     * How many standard errors a simulated chance level may lie from the stated one: a correct
     * chance level falls outside with probability about 0.1% (t distribution, 15 degrees of
     * freedom), a wrong one by more than this is caught.
     */
    public static final double STANDARD_ERRORS = 4;

    /** Seed of the reference sample the helpers estimate target statistics from; no check draws from it. */
    private static final long REFERENCE_SEED = 0x7e57L;

    // ---- what a task's test gives

    /** The registered kind that builds the task ({@link TaskCatalog}). */
    protected abstract String kind();

    /** The options the task under test is built with (besides the kind's defaults); small enough for quick checks. */
    protected Map<String, Object> options() {
        return Map.of();
    }

    /** The task under test: its kind built with {@link #options()}. */
    protected Task task() {
        return TaskCatalog.discover().build(kind(), options());
    }

    /**
     * Whether the loss applies at step {@code t} of sequence {@code b}, read from the features by
     * the task's protocol (e.g. copy: the L steps after the delimiter); the mask must agree.
     */
    protected abstract boolean lossApplies(INDArray features, int b, int t);

    /**
     * The outputs [batch, outputs, steps] of the best predictor that ignores the sequence: it
     * knows only the batch size and the number of steps (e.g. the targets' mean for MSE; uniform
     * logits over the symbols a target can be). See {@link #constantOutputs} and {@link #meanTargets}.
     */
    protected abstract INDArray memorylessOutputs(int batch, int steps);

    /**
     * The perfect prediction of {@code data}'s targets as outputs: the targets themselves for MSE,
     * logits of +-20 for binary cross-entropy, a logit of 20 on the target class (0 elsewhere) for
     * softmax cross-entropy.
     */
    protected INDArray perfectOutputs(Task task, DataSet data) {
        INDArray y = data.getLabels();
        LossFunction loss = task.loss();
        if (loss.equals(LossFunction.MSE)) return y.dup();
        if (loss.equals(LossFunction.BINARY_CROSS_ENTROPY)) return y.mul(2).sub(1).mul(20);
        if (loss.equals(LossFunction.SOFTMAX_CROSS_ENTROPY)) return y.mul(20);
        throw new AssertionError("no perfect outputs for loss " + loss + "; override perfectOutputs");
    }

    /** The task's score of the perfect prediction on {@code data}; a task scored in another way (reconstruction) overrides it. */
    protected TaskScore perfectScore(Task task, DataSet data) {
        return task.score(perfectOutputs(task, data), data);
    }

    /**
     * The task's score of the memoryless predictor on a batch of {@link #chanceBatchSize()}
     * sequences drawn from {@code seed}; a task scored in another way (reconstruction) overrides it.
     */
    protected TaskScore memorylessScore(Task task, long seed) {
        DataSet d = task.next(chanceBatchSize(), new SplittableRandom(seed));
        INDArray out = memorylessOutputs((int) d.getLabels().size(0), (int) d.getLabels().size(2));
        assertArrayEquals(d.getLabels().shape(), out.shape(), "memoryless outputs have the labels' shape");
        return task.score(out, d);
    }

    /**
     * Whether the stated chance error is itself one simulated draw (reconstruction: the D_stsp of
     * one set of Gaussian draws) rather than an expectation: it then scatters like one batch's
     * error, and the tolerance widens by that.
     */
    protected boolean chanceIsOneDraw() {
        return false;
    }

    /** Independent batches the chance level is simulated on. */
    protected int chanceBatches() {
        return 16;
    }

    /** Sequences per chance batch. */
    protected int chanceBatchSize() {
        return 500;
    }

    // ---- helpers for memorylessOutputs

    /** Outputs [batch, values.length, steps] that are {@code values[o]} on output o at every step. */
    protected static INDArray constantOutputs(int batch, int steps, double... values) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, batch, values.length, steps);
        for (int o = 0; o < values.length; o++) {
            out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(o),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(values[o]);
        }
        return out;
    }

    /**
     * The mean target of each output over the steps where the loss applies, estimated on 4000
     * sequences drawn from a seed no check uses: what a memoryless predictor under MSE outputs.
     */
    protected double[] meanTargets() {
        Task task = task();
        DataSet d = task.next(4000, new SplittableRandom(REFERENCE_SEED));
        INDArray y = d.getLabels(), m = d.getLabelsMaskArray();
        int outputs = (int) y.size(1);
        double[] sum = new double[outputs];
        double count = 0;
        for (int b = 0; b < y.size(0); b++) {
            for (int t = 0; t < y.size(2); t++) {
                if (m != null && m.getDouble(b, t) == 0) continue;
                count++;
                for (int o = 0; o < outputs; o++) sum[o] += y.getDouble(b, o, t);
            }
        }
        for (int o = 0; o < outputs; o++) sum[o] /= count;
        return sum;
    }

    // ---- the contract

    /** The task, its training batches and its generalization variants, by label. */
    private Map<String, BatchSource> sources(Task task) {
        Map<String, BatchSource> m = new LinkedHashMap<>();
        m.put(task.name(), task);
        if (task.trainingBatches() != task) m.put(task.name() + " training batches", task.trainingBatches());
        task.generalizationTasks().forEach((name, t) -> m.put(task.name() + " " + name, t));
        return m;
    }

    @Test
    void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
        for (Map.Entry<String, BatchSource> e : sources(task()).entrySet()) {
            BatchSource source = e.getValue();
            DataSet a = source.next(6, new SplittableRandom(11));
            source.next(9, new SplittableRandom(99));
            DataSet again = source.next(6, new SplittableRandom(11));
            DataSet other = source.next(6, new SplittableRandom(12));
            assertTrue(identical(a, again), e.getKey() + ": the same seed gives the same batch, whatever was drawn before");
            assertFalse(identical(a, other), e.getKey() + ": another seed gives another batch");
        }
        assertTrue(identical(task().next(6, new SplittableRandom(5)), task().next(6, new SplittableRandom(5))), "a task built twice draws the same batches");
    }

    @Test
    void shapesAndMasksAreWhatTheTaskSays() {
        Task task = task();
        TaskShape shape = task.shape();
        assertNotNull(task.loss(), "a task names its loss");
        assertFalse(task.name().isBlank(), "a task has a name");
        for (Map.Entry<String, BatchSource> e : sources(task).entrySet()) {
            String where = e.getKey();
            DataSet d = e.getValue().next(40, new SplittableRandom(3));
            INDArray x = d.getFeatures(), y = d.getLabels(), m = d.getLabelsMaskArray();
            long n = x.size(0), steps = x.size(2);
            assertArrayEquals(new long[] {40, shape.inputSize(), steps}, x.shape(), where + ": features [batch, inputs, time]");
            assertArrayEquals(new long[] {40, shape.outputSize(), steps}, y.shape(), where + ": labels [batch, outputs, time]");
            assertEquals(DataType.FLOAT, x.dataType(), where + ": features in float32");
            assertEquals(DataType.FLOAT, y.dataType(), where + ": labels in float32");
            if (m != null) assertArrayEquals(new long[] {40, steps}, m.shape(), where + ": mask [batch, time]");
            for (float v : x.dup('c').data().asFloat()) assertTrue(Float.isFinite(v), where + ": finite features");
            for (int b = 0; b < n; b++) {
                int scored = 0;
                for (int t = 0; t < steps; t++) {
                    double mask = m == null ? 1 : m.getDouble(b, t);
                    assertTrue(mask == 0 || mask == 1, where + ": mask values are 0 or 1, got " + mask);
                    assertEquals(lossApplies(x, b, t), mask == 1, where + ": the loss applies at sequence " + b + " step " + t + " exactly when the protocol says");
                    if (mask == 1) {
                        scored++;
                        checkTarget(task.loss(), y, b, t, where);
                    }
                }
                assertTrue(scored > 0, where + ": sequence " + b + " has a step where the loss applies");
            }
            OptionalInt vocabulary = task.vocabulary();
            if (vocabulary.isPresent()) checkTokens(x, vocabulary.getAsInt(), where);
        }
        for (Map.Entry<String, Task> g : task.generalizationTasks().entrySet()) {
            assertEquals(shape.inputSize(), g.getValue().shape().inputSize(), g.getKey() + ": a variant has the task's input width");
            assertEquals(shape.outputSize(), g.getValue().shape().outputSize(), g.getKey() + ": a variant has the task's output width");
            assertEquals(task.loss(), g.getValue().loss(), g.getKey() + ": a variant has the task's loss");
            assertEquals(task.vocabulary(), g.getValue().vocabulary(), g.getKey() + ": a variant has the task's vocabulary");
        }
    }

    private static void checkTarget(LossFunction loss, INDArray y, int b, int t, String where) {
        int outputs = (int) y.size(1);
        double sum = 0;
        for (int o = 0; o < outputs; o++) {
            double v = y.getDouble(b, o, t);
            assertTrue(Double.isFinite(v), where + ": finite target");
            if (loss != LossFunction.MSE) assertTrue(v == 0 || v == 1, where + ": a " + loss + " target is 0 or 1, got " + v);
            sum += v;
        }
        if (loss == LossFunction.SOFTMAX_CROSS_ENTROPY) assertEquals(1.0, sum, where + ": a softmax target is one class, at sequence " + b + " step " + t);
    }

    /** A token task's features: one symbol per step, one-hot; all-zero steps only as padding at a sequence's end. */
    private static void checkTokens(INDArray x, int vocabulary, String where) {
        assertEquals(vocabulary, x.size(1), where + ": a token task has one input channel per symbol");
        for (int b = 0; b < x.size(0); b++) {
            boolean padding = false;
            for (int t = 0; t < x.size(2); t++) {
                int ones = 0;
                for (int k = 0; k < vocabulary; k++) {
                    double v = x.getDouble(b, k, t);
                    assertTrue(v == 0 || v == 1, where + ": one-hot symbols, got " + v);
                    if (v == 1) ones++;
                }
                assertTrue(ones <= 1, where + ": one symbol per step, got " + ones + " at sequence " + b + " step " + t);
                if (ones == 0) padding = true;
                else assertFalse(padding, where + ": a symbol after padding at sequence " + b + " step " + t);
            }
        }
    }

    @Test
    void aMemorylessPredictorScoresTheStatedChanceLevel() {
        Task task = task();
        int k = chanceBatches();
        double[] difference = new double[k];
        List<String> scores = new ArrayList<>();
        double chance = 0;
        for (int i = 0; i < k; i++) {
            TaskScore s = memorylessScore(task, 1000 + i);
            assertFalse(s.solved(), "a memoryless predictor does not solve the task: " + s);
            difference[i] = s.error() - s.chanceError();
            chance += s.chanceError() / k;
            if (i < 3) scores.add(s.toString());
        }
        double mean = 0, var = 0;
        for (double v : difference) mean += v / k;
        for (double v : difference) var += (v - mean) * (v - mean) / (k - 1);
        // the standard error of the mean difference; if the stated chance is one draw, it scatters like one batch's error too
        double se = Math.sqrt(var / k + (chanceIsOneDraw() ? var : 0));
        double tolerance = STANDARD_ERRORS * se + 1e-9 * Math.abs(chance);
        assertTrue(Math.abs(mean) <= tolerance, String.format(java.util.Locale.ROOT,
                "the memoryless predictor's error is %.6g from the stated chance %.6g (tolerance %.3g = %s standard errors of %d batches of %d); first scores: %s",
                mean, chance, tolerance, STANDARD_ERRORS, k, chanceBatchSize(), scores));
    }

    @Test
    void thePerfectPredictionCountsAsSolved() {
        Task task = task();
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put(task.name(), task);
        tasks.putAll(task.generalizationTasks());
        for (Map.Entry<String, Task> e : tasks.entrySet()) {
            DataSet d = e.getValue().next(50, new SplittableRandom(21));
            TaskScore s = perfectScore(e.getValue(), d);
            assertTrue(s.solved(), e.getKey() + ": the perfect prediction solves the task: " + s);
            assertTrue(s.error() < s.chanceError(), e.getKey() + ": the perfect prediction beats chance: " + s);
        }
    }

    @Test
    void theConfigurationSurvivesJson() throws Exception {
        ObjectMapper json = JsonFiles.mapper();
        TaskCatalog catalog = TaskCatalog.discover();
        Map<String, Object> settings = catalog.settings(kind(), options()).asMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> read = json.readValue(json.writeValueAsString(settings), Map.class);
        assertEquals(settings, catalog.settings(kind(), read).asMap(), "the settings read back from JSON resolve to the same settings");
        Task task = task(), rebuilt = catalog.build(kind(), read);
        JsonNode config = json.valueToTree(task.config());
        JsonNode again = json.valueToTree(rebuilt.config()), written = json.readTree(json.writeValueAsString(task.config()));
        assertTrue(config.equals(NUMBERS_BY_VALUE, again), "the task built from the settings read back has the same configuration: " + config + " and " + again);
        assertTrue(config.equals(NUMBERS_BY_VALUE, written), "the configuration survives JSON: " + config + " read back as " + written);
        assertTrue(identical(task.next(5, new SplittableRandom(8)), rebuilt.next(5, new SplittableRandom(8))), "the task built again draws the same batches");
    }

    // ---- comparisons

    /** JSON nodes compared as JSON does: numbers by value (a long 1 read back is an int 1), everything else as Jackson does. */
    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
        return a.equals(b) ? 0 : 1;
    };

    /** Whether two batches are the same bit for bit: features, labels and masks (or both without). */
    protected static boolean identical(DataSet a, DataSet b) {
        return same(a.getFeatures(), b.getFeatures()) && same(a.getLabels(), b.getLabels())
                && same(a.getLabelsMaskArray(), b.getLabelsMaskArray()) && same(a.getFeaturesMaskArray(), b.getFeaturesMaskArray());
    }

    private static boolean same(INDArray a, INDArray b) {
        if (a == null || b == null) return a == b;
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.dataType() != b.dataType()) return false;
        return java.util.Arrays.equals(a.dup('c').data().asFloat(), b.dup('c').data().asFloat());
    }
}
