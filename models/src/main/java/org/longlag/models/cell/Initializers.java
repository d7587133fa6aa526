package org.longlag.models.cell;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.longlag.models.tensor.Mat;

/** Weight initializers. Randomness always comes from the caller's generator. */
public final class Initializers {

    private Initializers() {
    }

    /** Every element ~ U[lo, hi). */
    public static void uniform(Mat m, double lo, double hi, SplittableRandom rng) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) m.set(r, c, lo + (hi - lo) * rng.nextDouble());
        }
    }

    /** Every element ~ N(0, std^2). */
    public static void gaussian(Mat m, double std, SplittableRandom rng) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) m.set(r, c, std * nextGaussian(rng));
        }
    }

    /** gain * I (square matrices). */
    public static void identity(Mat m, double gain) {
        requireSquare(m);
        m.zero();
        for (int i = 0; i < m.rows(); i++) m.set(i, i, gain);
    }

    /**
     * gain * Q, Q orthogonal from the QR decomposition of a Gaussian matrix with the signs of R's
     * diagonal folded in, so Q is uniformly (Haar) distributed (Saxe et al. 2014; Mezzadri 2007).
     */
    public static void orthogonal(Mat m, double gain, SplittableRandom rng) {
        requireSquare(m);
        int n = m.rows();
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) row[j] = nextGaussian(rng);
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        for (int j = 0; j < n; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) m.set(i, j, gain * sign * q.getEntry(i, j));
        }
    }

    /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
    public static double nextGaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void requireSquare(Mat m) {
        if (m.rows() != m.cols()) {
            throw new IllegalArgumentException("initializer needs a square matrix, got " + m.rows() + "x" + m.cols());
        }
    }
}
