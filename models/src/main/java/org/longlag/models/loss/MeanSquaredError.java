package org.longlag.models.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.tensor.Mat;

/** (1/O) sum_o (y_o - t_o)^2, gradient 2 (y - t) / O. */
@JsonTypeName("mse")
public record MeanSquaredError() implements LossFunction {

    @Override
    public double row(Mat y, Mat target, int b, double weight, Mat dy) {
        int n = y.cols();
        double loss = 0;
        for (int o = 0; o < n; o++) {
            double e = y.get(b, o) - target.get(b, o);
            loss += e * e;
            dy.set(b, o, weight * 2 * e / n);
        }
        return weight * loss / n;
    }

    @Override
    public String toString() {
        return "mse";
    }
}
