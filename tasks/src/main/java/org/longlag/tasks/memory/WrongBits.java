package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The score of the bit-vector tasks of Graves, Wayne & Danihelka 2014 (copy, repeat copy,
 * associative recall) and of copy-reuse: outputs are logits, one per bit, with binary
 * cross-entropy on the masked (recall) steps; the cost is the number of wrong bits per sequence
 * after thresholding the output probabilities at 0.5, as in the paper's learning curves.
 */
final class WrongBits {

    private WrongBits() {
    }

    /**
     * Metrics "error" and "bits_per_sequence" (wrong bits per sequence), "bce_per_bit" and
     * "perfect_fraction" (sequences without a wrong bit); solved at bits_per_sequence &lt;=
     * {@code solvedBits}.
     *
     * @param bits   output channels, all of them scored at every masked step
     * @param chance the chance level in wrong bits per sequence, from the mean number of masked
     *               steps per sequence in {@code data}
     */
    static TaskScore score(INDArray outputs, DataSet data, int bits, double solvedBits, DoubleUnaryOperator chance) {
        INDArray labels = data.getLabels(), mask = data.getLabelsMaskArray();
        long n = labels.size(0), steps = labels.size(2);
        if (outputs.size(0) != n || outputs.size(1) != bits || outputs.size(2) != steps) {
            throw new IllegalArgumentException("outputs shape " + java.util.Arrays.toString(outputs.shape()) + " does not match labels " + java.util.Arrays.toString(labels.shape()));
        }
        if (mask == null) throw new IllegalArgumentException("the data set has no labels mask: it marks the recall steps");
        double wrong = 0, bce = 0, scored = 0, recallSteps = 0;
        int perfect = 0;
        for (int b = 0; b < n; b++) {
            int wrongHere = 0;
            for (int t = 0; t < steps; t++) {
                if (mask.getDouble(b, t) == 0) continue;
                recallSteps++;
                for (int k = 0; k < bits; k++) {
                    double logit = outputs.getDouble(b, k, t), target = labels.getDouble(b, k, t);
                    if ((logit > 0 ? 1 : 0) != target) wrongHere++; // p > 0.5 exactly when the logit is positive
                    bce += Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
                    scored++;
                }
            }
            wrong += wrongHere;
            if (wrongHere == 0) perfect++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double bitsPerSequence = wrong / n;
        m.put("error", bitsPerSequence);
        m.put("bits_per_sequence", bitsPerSequence);
        m.put("bce_per_bit", bce / scored);
        m.put("perfect_fraction", perfect / (double) n);
        return new TaskScore(m, "bits_per_sequence", bitsPerSequence <= solvedBits,
                "bits_per_sequence <= " + solvedBits, chance.applyAsDouble(recallSteps / n));
    }
}
