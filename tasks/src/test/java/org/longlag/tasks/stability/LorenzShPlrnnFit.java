package org.longlag.tasks.stability;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ZeroInitialState;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A chaotic reconstruction in a second: a shPLRNN with M = 3 latent units (the observed, standardized
 * coordinates, identity observation model, as the reconstruction task builds it) whose map
 * z_{t+1} = A z_t + W1 relu(W2 z_t + h2) + h1 is fitted to consecutive pairs of a reconstruction's
 * training trajectory by ridge regression of A, W1, h1 on fixed random W2, h2 (random features).
 * One-step regression is what training under sparse teacher forcing with tau = 1 minimizes, solved
 * in closed form instead of by thousands of Adam updates.
 */
final class LorenzShPlrnnFit {

    private LorenzShPlrnnFit() {
    }

    /**
     * The fitted model (float64, one zero input, identity readout on the 3 units, zero initial
     * state: the spec the "dsr" task gives a shPLRNN with M = 3).
     *
     * @param data  standardized trajectory [time][3]; pairs (data[t], data[t+1]) are fitted
     * @param width hidden width L of the shPLRNN
     */
    static SequenceModel fit(double[][] data, int width, long seed) {
        int samples = data.length - 1;
        SplittableRandom rng = new SplittableRandom(seed);
        int m = 3, l = width;
        double[][] w2 = new double[l][m];
        double[] h2 = new double[l];
        for (int k = 0; k < l; k++) {
            double norm = 0;
            for (int j = 0; j < m; j++) {
                w2[k][j] = Initializers.nextGaussian(rng);
                norm += w2[k][j] * w2[k][j];
            }
            h2[k] = (5 * rng.nextDouble() - 2.5) * Math.sqrt(norm); // kinks spread over the attractor's range
        }
        // per output i: z_{t+1,i} = A_i z_{t,i} + sum_k W1_ik relu(W2_k z_t + h2_k) + h1_i; the normal
        // equations share the block of the random features and the constant, f = [relu(...), 1]
        int q = l + 1;
        double[][] ff = new double[q][q];
        double[][] zf = new double[m][q];
        double[] zz = new double[m];
        double[][] fy = new double[m][q];
        double[] zy = new double[m];
        double[] f = new double[q];
        for (int t = 0; t < samples; t++) {
            features(data[t], w2, h2, f);
            for (int a = 0; a < q; a++) {
                double fa = f[a];
                if (fa == 0) continue;
                for (int b = 0; b <= a; b++) ff[a][b] += fa * f[b];
            }
            for (int i = 0; i < m; i++) {
                double zi = data[t][i], y = data[t + 1][i];
                zz[i] += zi * zi;
                zy[i] += zi * y;
                for (int a = 0; a < q; a++) {
                    zf[i][a] += zi * f[a];
                    fy[i][a] += f[a] * y;
                }
            }
        }
        ShPlrnnCell cell = new ShPlrnnCell(1, m, l, false);
        SequenceModel model = SequenceModel.create(new ModelSpec(cell, new IdentityReadout(m), new ZeroInitialState(), Precision.FLOAT64), seed);
        Parameters w = model.weights();
        double ridge = 1e-6 * samples;
        for (int i = 0; i < m; i++) {
            // unknowns [A_i, W1_i., h1_i]
            double[][] xtx = new double[q + 1][q + 1];
            double[] xty = new double[q + 1];
            xtx[0][0] = zz[i] + ridge;
            xty[0] = zy[i];
            for (int a = 0; a < q; a++) {
                xtx[0][a + 1] = xtx[a + 1][0] = zf[i][a];
                xty[a + 1] = fy[i][a];
                for (int b = 0; b <= a; b++) xtx[a + 1][b + 1] = xtx[b + 1][a + 1] = ff[a][b];
                xtx[a + 1][a + 1] += ridge;
            }
            RealMatrix xm = new Array2DRowRealMatrix(xtx, false);
            double[] beta = new CholeskyDecomposition(xm).getSolver().solve(new ArrayRealVector(xty, false)).toArray();
            w.get(0).set(0, i, beta[0]);                                 // A
            for (int k = 0; k < l; k++) w.get(1).set(i, k, beta[1 + k]); // W1 [M x L]
            w.get(3).set(0, i, beta[q]);                                 // h1
        }
        for (int k = 0; k < l; k++) {
            for (int j = 0; j < m; j++) w.get(2).set(k, j, w2[k][j]); // W2 [L x M]
            w.get(4).set(0, k, h2[k]);
        }
        w.get(5).zero(); // C: the input is unused
        double[] flat = new double[model.parameterCount()];
        w.store(flat);
        model.setParameters(Nd4j.createFromArray(flat).reshape(1, flat.length));
        return model;
    }

    private static void features(double[] z, double[][] w2, double[] h2, double[] f) {
        for (int k = 0; k < h2.length; k++) {
            double u = h2[k];
            for (int j = 0; j < z.length; j++) u += w2[k][j] * z[j];
            f[k] = Math.max(u, 0);
        }
        f[f.length - 1] = 1;
    }
}
