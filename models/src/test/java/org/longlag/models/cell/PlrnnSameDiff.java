package org.longlag.models.cell;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PLRNN step and regularizer written independently in SameDiff, from the equations (not from
 * the Java kernels), for the contract tests. Parameters in layout order: A [1 x M], W [M x M],
 * h [1 x M], C [M x K].
 */
final class PlrnnSameDiff {

    private PlrnnSameDiff() {
    }

    /** z' = z .* A + relu(z) (W .* (1 - I))^T + h + x C^T */
    static SDVariable step(SameDiff sd, SDVariable x, SDVariable z, SDVariable[] p, int m) {
        SDVariable offDiagonal = p[1].mul(sd.constant(Nd4j.createFromArray(mask(m, m, true))));
        return z.mul(p[0])
                .add(sd.mmul(sd.nn.relu(z, 0), offDiagonal, false, true, false))
                .add(p[2])
                .add(sd.mmul(x, p[3], false, true, false));
    }

    /**
     * tau_A / p sum_{i<p} (A_i - target)^2 + tau_W / (p M) sum_{i<p, j != i} W_ij^2
     * + tau_W / p sum_{i<p} h_i^2
     */
    static SDVariable regularization(SameDiff sd, SDVariable[] p, int m, int units, double tauA, double tauW, double target) {
        SDVariable rows = sd.constant(Nd4j.createFromArray(new double[][] {rowMask(m, units)}));
        SDVariable wMask = sd.constant(Nd4j.createFromArray(mask(m, units, true)));
        SDVariable a = p[0].sub(target).mul(rows);
        SDVariable w = p[1].mul(wMask);
        SDVariable h = p[2].mul(rows);
        return a.mul(a).sum().mul(tauA / units)
                .add(w.mul(w).sum().mul(tauW / ((double) units * m)))
                .add(h.mul(h).sum().mul(tauW / units));
    }

    /** 1 in rows i < rows, off the diagonal when {@code offDiagonal}. */
    private static double[][] mask(int m, int rows, boolean offDiagonal) {
        double[][] k = new double[m][m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) k[i][j] = offDiagonal && i == j ? 0 : 1;
        }
        return k;
    }

    private static double[] rowMask(int m, int units) {
        double[] r = new double[m];
        for (int i = 0; i < units; i++) r[i] = 1;
        return r;
    }
}
