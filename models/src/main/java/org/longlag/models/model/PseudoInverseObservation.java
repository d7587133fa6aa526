package org.longlag.models.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.longlag.models.tensor.Mat;

/**
 * The inverse of a linear readout y = h W + b (W [features x outputs], b possibly absent): every
 * feature unit is set to h = (y - b) pinv(W), the least-squares (minimum-norm) solution, by the
 * singular value decomposition of W (Commons Math drops singular values below its default
 * threshold, so a rank-deficient W is fine).
 */
final class PseudoInverseObservation implements ObservationInverse {

    private final double[][] pinv; // [outputs][features]
    private final double[] bias;   // [outputs], or null

    /**
     * @param w    the readout weights [features x outputs]
     * @param bias the readout bias [1 x outputs], or null for none
     */
    PseudoInverseObservation(Mat w, Mat bias) {
        double[][] m = new double[w.rows()][w.cols()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) m[i][j] = w.get(i, j);
        }
        RealMatrix p = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSolver().getInverse();
        this.pinv = p.getData();
        if (bias == null) {
            this.bias = null;
        } else {
            this.bias = new double[bias.cols()];
            for (int o = 0; o < this.bias.length; o++) this.bias[o] = bias.get(0, o);
        }
    }

    @Override
    public int units() {
        return pinv[0].length;
    }

    @Override
    public int observationSize() {
        return pinv.length;
    }

    /** h_j = sum_o (y_o - b_o) pinv(W)_{oj} */
    @Override
    public void infer(double[] y, double[] out) {
        int f = units();
        java.util.Arrays.fill(out, 0, f, 0.0);
        for (int o = 0; o < pinv.length; o++) {
            double v = bias == null ? y[o] : y[o] - bias[o];
            double[] row = pinv[o];
            for (int j = 0; j < f; j++) out[j] += v * row[j];
        }
    }
}
