package org.longlag.models.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.tensor.Mat;

/**
 * (1/O) sum_o [log(1 + e^{y_o}) - t_o y_o]: binary cross-entropy on logits y (sigmoid applied
 * inside, in the stable form), gradient (sigmoid(y) - t) / O.
 */
@JsonTypeName("binary-cross-entropy")
public record BinaryCrossEntropy() implements LossFunction {

    @Override
    public double row(Mat y, Mat target, int b, double weight, Mat dy) {
        int n = y.cols();
        double loss = 0;
        for (int o = 0; o < n; o++) {
            double v = y.get(b, o), t = target.get(b, o);
            loss += Math.max(v, 0) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
            dy.set(b, o, weight * (sigmoid(v) - t) / n);
        }
        return weight * loss / n;
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    @Override
    public String toString() {
        return "binary-cross-entropy";
    }
}
