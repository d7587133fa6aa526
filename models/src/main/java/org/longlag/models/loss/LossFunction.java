package org.longlag.models.loss;

import org.longlag.models.tensor.Mat;

/**
 * Per-step losses between model output y and target, for one sample (row). The training loss is
 * the mean of these over the (sample, step) pairs the mask selects.
 */
public enum LossFunction {

    /** (1/O) sum_o (y_o - t_o)^2 */
    MSE {
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
    },

    /**
     * (1/O) sum_o [log(1 + e^{y_o}) - t_o y_o]: binary cross-entropy on logits y (sigmoid applied
     * inside, in the stable form), gradient (sigmoid(y) - t) / O.
     */
    BINARY_CROSS_ENTROPY {
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
    },

    /**
     * -sum_o t_o log softmax(y)_o: cross-entropy on logits against a one-hot (or probability)
     * target; gradient softmax(y) sum_o t_o - t.
     */
    SOFTMAX_CROSS_ENTROPY {
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
    };

    /**
     * Loss of row b, times {@code weight}; writes weight * dloss/dy into row b of {@code dy}.
     */
    public abstract double row(Mat y, Mat target, int b, double weight, Mat dy);

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    /** Parses "mse", "bce"/"binary_cross_entropy", "softmax"/"cross_entropy"/"softmax_cross_entropy". */
    public static LossFunction parse(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
            case "mse": return MSE;
            case "bce": case "binary_cross_entropy": return BINARY_CROSS_ENTROPY;
            case "softmax": case "cross_entropy": case "softmax_cross_entropy": return SOFTMAX_CROSS_ENTROPY;
            default: throw new IllegalArgumentException("unknown loss '" + s + "': expected mse, bce or softmax_cross_entropy");
        }
    }
}
