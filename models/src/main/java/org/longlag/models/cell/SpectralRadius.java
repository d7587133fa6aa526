package org.longlag.models.cell;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.longlag.models.tensor.Mat;

/** max_k |lambda_k| of a small dense square matrix, from Commons Math's (possibly complex) eigenvalues. */
public final class SpectralRadius {

    private SpectralRadius() {
    }

    public static double of(double[][] m) {
        for (double[] row : m) {
            if (row.length != m.length) throw new IllegalArgumentException("spectral radius needs a square matrix");
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, true));
        double[] re = e.getRealEigenvalues(), im = e.getImagEigenvalues();
        double r = 0;
        for (int k = 0; k < re.length; k++) r = Math.max(r, Math.hypot(re[k], im[k]));
        return r;
    }

    public static double of(Mat m) {
        double[][] a = new double[m.rows()][m.cols()];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) a[i][j] = m.get(i, j);
        }
        return of(a);
    }
}
