package org.longlag.models.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.tensor.Mat;

/**
 * -sum_o t_o log softmax(y)_o: cross-entropy on logits against a one-hot (or probability)
 * target; gradient softmax(y) sum_o t_o - t.
 */
@JsonTypeName("softmax-cross-entropy")
public record SoftmaxCrossEntropy() implements LossFunction {

    @Override
    public double row(Mat y, Mat target, int b, double weight, Mat dy) {
        int n = y.cols();
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < n; o++) max = Math.max(max, y.get(b, o));
        double z = 0;
        for (int o = 0; o < n; o++) z += Math.exp(y.get(b, o) - max);
        double logZ = max + Math.log(z);
        double loss = 0, mass = 0;
        for (int o = 0; o < n; o++) {
            double t = target.get(b, o);
            loss -= t * (y.get(b, o) - logZ);
            mass += t;
        }
        for (int o = 0; o < n; o++) {
            dy.set(b, o, weight * (Math.exp(y.get(b, o) - logZ) * mass - target.get(b, o)));
        }
        return weight * loss;
    }

    @Override
    public String toString() {
        return "softmax-cross-entropy";
    }
}
