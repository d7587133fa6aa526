package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.registry.TaskShape;
import org.longlag.tasks.SequenceBatchBuilder;
import org.longlag.tasks.Task;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The marked-input problems: a stream of (value, marker) pairs, two of them marked; at the end the
 * model must output a function of the two marked values. Inputs [batch, 2, time] (channel 0 the
 * value, channel 1 the marker), one output at each sequence's last step (labels mask), MSE loss.
 * A trial is correct when |error| < 0.04.
 */
public abstract class MarkedInputTask implements Task {

    /** |prediction - target| below this counts as correct (Hochreiter & Schmidhuber 1997; Schmidt et al. 2021). */
    public static final double CORRECT_WITHIN = 0.04;

    private static final int VALUE = 0;
    private static final int MARKER = 1;

    private final int lag;
    private final MarkedInputProtocol protocol;
    private final double solvedFraction;

    protected MarkedInputTask(int lag, MarkedInputProtocol protocol, double solvedFraction) {
        if (lag < 4) throw new IllegalArgumentException("lag must be at least 4, got " + lag);
        if (protocol == null) throw new IllegalArgumentException("protocol must be given");
        if (protocol == MarkedInputProtocol.HOCHREITER_1997 && lag < 20) {
            // the first marker falls in the first 10 steps and the second in the first T/2 - 1: shorter sequences cannot hold them
            throw new IllegalArgumentException("the hochreiter-1997 protocol needs lag >= 20, got " + lag);
        }
        if (!(solvedFraction > 0 && solvedFraction <= 1)) {
            throw new IllegalArgumentException("solved-fraction must be in (0, 1], got " + solvedFraction);
        }
        this.lag = lag;
        this.protocol = protocol;
        this.solvedFraction = solvedFraction;
    }

    /** The target from the two marked values. */
    protected abstract double target(double x1, double x2);

    /** Range of the values: [lo, hi). */
    protected abstract double valueLow();

    /** The value the first pair takes when it is marked (H&S 1997 only). */
    protected abstract double neutralValue();

    /** Variance of the target: the MSE of the best memoryless predictor (the mean). */
    public abstract double chanceMse();

    /**
     * HOCHREITER_1997: the probability that one marked value is the first pair's (and so the
     * neutral element): the first marker hits it with probability 1/10, otherwise the second marker,
     * uniform over the first T/2 - 1 pairs except the first marker's, does.
     */
    protected double neutralProbability() {
        int range = lag / 2 - 1;
        double q = 0.1;
        for (int first = 1; first < 10; first++) {
            int choices = range - (first < range ? 1 : 0);
            q += 0.1 / choices;
        }
        return q;
    }

    public int lag() {
        return lag;
    }

    public MarkedInputProtocol protocol() {
        return protocol;
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(2, 1, lag);
    }

    @Override
    public LossFunction loss() {
        return LossFunction.MSE;
    }

    @Override
    public Object config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", name());
        m.put("lag", lag);
        m.put("protocol", protocol.label());
        m.put("solved_fraction", solvedFraction);
        return m;
    }

    @Override
    public DataSet next(int size, SplittableRandom rng) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        int[] lengths = new int[size];
        for (int b = 0; b < size; b++) lengths[b] = protocol == MarkedInputProtocol.REG_PLRNN ? lag : lag + rng.nextInt(lag / 10 + 1);
        SequenceBatchBuilder batch = SequenceBatchBuilder.padded(lengths, 2, 1);
        for (int b = 0; b < size; b++) {
            int len = lengths[b];
            double lo = protocol == MarkedInputProtocol.REG_PLRNN ? 0 : valueLow();
            for (int t = 0; t < len; t++) batch.input(b, t, VALUE, lo + (1 - lo) * rng.nextDouble());
            int first, second;
            if (protocol == MarkedInputProtocol.REG_PLRNN) {
                do {
                    first = rng.nextInt(Math.min(10, lag));
                    second = rng.nextInt(lag / 2);
                } while (first == second);
            } else {
                first = rng.nextInt(10);
                do {
                    second = rng.nextInt(lag / 2 - 1);
                } while (second == first);
                batch.input(b, 0, MARKER, -1);
                batch.input(b, len - 1, MARKER, -1);
                if (first == 0 || second == 0) batch.input(b, 0, VALUE, neutralValue());
            }
            batch.input(b, first, MARKER, 1);
            batch.input(b, second, MARKER, 1);
            // the target from the values as stored (float32), the values a model sees
            batch.target(b, len - 1, 0, target(batch.inputAt(b, first, VALUE), batch.inputAt(b, second, VALUE)));
            batch.lossAt(b, len - 1);
        }
        return batch.build();
    }

    @Override
    public TaskScore score(INDArray outputs, org.nd4j.linalg.dataset.api.DataSet data) {
        INDArray labels = data.getLabels();
        INDArray mask = data.getLabelsMaskArray();
        long n = labels.size(0), len = labels.size(2);
        if (outputs.size(0) != n || outputs.size(2) != len) {
            throw new IllegalArgumentException("outputs shape " + java.util.Arrays.toString(outputs.shape()) + " does not match labels " + java.util.Arrays.toString(labels.shape()));
        }
        double se = 0;
        int correct = 0;
        for (int b = 0; b < n; b++) {
            int last = (int) len - 1;
            while (last > 0 && mask.getDouble(b, last) == 0) last--;
            double err = outputs.getDouble(b, 0, last) - labels.getDouble(b, 0, last);
            se += err * err;
            if (Math.abs(err) < CORRECT_WITHIN) correct++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double fraction = correct / (double) n;
        m.put("error", se / n);
        m.put("mse", se / n);
        m.put("fraction_correct", fraction);
        return new TaskScore(m, "fraction_correct", fraction >= solvedFraction,
                "fraction_correct >= " + solvedFraction, chanceMse());
    }

    @Override
    public String toString() {
        return name() + "(lag " + lag + ", " + protocol.label() + ")";
    }
}
