package org.longlag.tasks.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import org.longlag.tasks.TaskScore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The score of the token-recall tasks (multi-query associative recall, selective copying):
 * outputs are logits over the classes a recalled token can be, with softmax cross-entropy at the
 * masked (recall) positions; the primary measure is the accuracy there (argmax, ties to the lower
 * class). The chance level: every class equally likely a priori, so the best predictor that
 * ignores the sequence is uniform, with cross-entropy log(classes) and accuracy 1/classes.
 */
final class TokenRecall {

    private TokenRecall() {
    }

    /**
     * Metrics "error" and "cross_entropy" (per recall position) and "accuracy"; solved at
     * accuracy &gt;= {@code solvedAccuracy}; chance error log(classes).
     */
    static TaskScore score(INDArray outputs, DataSet data, int classes, double solvedAccuracy) {
        INDArray labels = data.getLabels(), mask = data.getLabelsMaskArray();
        long n = labels.size(0), steps = labels.size(2);
        if (outputs.size(0) != n || outputs.size(1) != classes || outputs.size(2) != steps) {
            throw new IllegalArgumentException("outputs shape " + java.util.Arrays.toString(outputs.shape()) + " does not match labels " + java.util.Arrays.toString(labels.shape()));
        }
        if (mask == null) throw new IllegalArgumentException("the data set has no labels mask: it marks the recall positions");
        double ce = 0;
        long scored = 0, correct = 0;
        double[] logits = new double[classes];
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                if (mask.getDouble(b, t) == 0) continue;
                int want = -1, best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    logits[k] = outputs.getDouble(b, k, t);
                    if (labels.getDouble(b, k, t) == 1) want = k;
                    if (logits[k] > max) {
                        max = logits[k];
                        best = k;
                    }
                }
                if (want < 0) throw new IllegalArgumentException("no target class at sequence " + b + " step " + t);
                double z = 0;
                for (double v : logits) z += Math.exp(v - max);
                ce += max + Math.log(z) - logits[want];
                scored++;
                if (best == want) correct++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double accuracy = correct / (double) scored;
        m.put("error", ce / scored);
        m.put("cross_entropy", ce / scored);
        m.put("accuracy", accuracy);
        return new TaskScore(m, "accuracy", accuracy >= solvedAccuracy, "accuracy >= " + solvedAccuracy, Math.log(classes));
    }
}
