package org.longlag.dynamics.lyapunov;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One re-orthonormalization of the tangent basis: Y = Q R (Householder QR, Commons Math), Y is
 * replaced by the first k columns of Q and log|R_ii| is the log growth of the i-th volume direction
 * since the last renormalization. |R_ii| is used because Householder QR does not fix the sign of R's
 * diagonal.
 */
final class QrRenormalization {

    private QrRenormalization() {
    }

    /**
     * @param y      d x k tangent basis, replaced by an orthonormal one
     * @param logSum receives += log|R_ii| (i &lt; k), or null to discard (transient)
     */
    static void apply(double[][] y, double[] logSum) {
        int d = y.length;
        int k = y[0].length;
        RealMatrix m = new Array2DRowRealMatrix(y, false);
        QRDecomposition qr = new QRDecomposition(m);
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                y[i][j] = q.getEntry(i, j);
            }
        }
        if (logSum != null) {
            for (int i = 0; i < k; i++) {
                logSum[i] += Math.log(Math.abs(r.getEntry(i, i)));
            }
        }
    }
}
