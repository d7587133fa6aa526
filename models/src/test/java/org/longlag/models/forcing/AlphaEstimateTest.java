package org.longlag.models.forcing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.BatchJacobians;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.StateJacobian;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ZeroInitialState;
import org.nd4j.linalg.factory.Nd4j;

/** The alpha of adaptive generalized forcing: Jacobians, norms, the bound and the annealing. */
class AlphaEstimateTest {

    @Test
    void spectralNormMatchesSingularValueDecomposition() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 3, 7, 20}) {
            for (int rep = 0; rep < 20; rep++) {
                double[][] j = new double[n][n];
                for (double[] row : j) for (int c = 0; c < n; c++) row[c] = Initializers.nextGaussian(rng);
                double expected = new SingularValueDecomposition(new Array2DRowRealMatrix(j)).getNorm();
                assertEquals(expected, SpectralNorm.of(j), 1e-8 * expected, "n = " + n);
            }
        }
        assertEquals(3.0, SpectralNorm.of(new double[][] {{3, 0}, {0, -3}}), 1e-12, "equal leading singular values");
        assertEquals(0.0, SpectralNorm.of(new double[2][2]), 0);
    }

    @Test
    void batchJacobiansAgreeWithTheSinglePointJacobian() {
        ForcingFixture f = new ForcingFixture(new LstmCell(1, 3, 1.0, 0), new org.longlag.models.model.LinearReadout(2), 2, 4, 9);
        SplittableRandom rng = new SplittableRandom(2);
        double[][] points = new double[5][6];
        for (double[] p : points) for (int k = 0; k < p.length; k++) p[k] = Initializers.nextGaussian(rng);
        StateJacobian single = new StateJacobian(f.model.spec().cell(), f.model.weights().view(0));
        new BatchJacobians(f.model.spec().cell(), f.model.weights().view(0)).forEach(points, (i, jac) -> {
            double[][] expected = single.jacobian(points[i], null);
            for (int r = 0; r < 6; r++) for (int c = 0; c < 6; c++) assertEquals(expected[r][c], jac[r][c], 1e-14);
        });
    }

    /**
     * A PLRNN with W = 0 and A = diag(1.25, 0.5, -0.8) has J = diag(A) everywhere: ||J|| = 1.25, so
     * G = 1.25 and alpha* = 1 - 1/1.25 = 0.2 whatever the data.
     */
    @Test
    void productBoundOfAKnownLinearMap() {
        ForcingFixture f = new ForcingFixture(PlrnnCell.plain(1, 3), new IdentityReadout(3), new ZeroInitialState(), 4, 10, 3);
        double[] theta = new double[f.model.parameterCount()];
        theta[0] = 1.25;
        theta[1] = 0.5;
        theta[2] = -0.8;
        f.model.setParameters(Nd4j.createFromArray(theta));
        TeacherSignal signal = new TeacherSignal(f.batch, Inverses.of(f.model));
        assertEquals(1.25, JacobianProductBound.bound(f.model, signal), 1e-12);
        assertEquals(0.2, JacobianProductBound.alpha(f.model, signal), 1e-12);
        assertEquals(0.0, JacobianProductBound.alphaFor(0.7), 0, "a contracting model needs no forcing");
    }

    /** The bound is a geometric mean along each sequence and a maximum over sequences. */
    @Test
    void productBoundIsGeometricMeanAlongTimeAndMaximumOverSequences() {
        // PLRNN z' = A z + W relu(z): one unit with A = 0.5 and no coupling has J = 0.5; with a second
        // unit the off-diagonal W makes ||J|| depend on which units are positive
        ForcingFixture f = new ForcingFixture(PlrnnCell.plain(1, 2), new IdentityReadout(2), new ZeroInitialState(), 3, 6, 4);
        double[] theta = new double[f.model.parameterCount()];
        theta[0] = 0.5;      // A_11
        theta[1] = 0.9;      // A_22
        theta[2 + 1] = 2.0;  // W_12: unit 1 driven by relu(unit 2)
        f.model.setParameters(Nd4j.createFromArray(theta));
        TeacherSignal signal = new TeacherSignal(f.batch, Inverses.of(f.model));
        double expected = 0;
        for (int b = 0; b < 3; b++) {
            double logSum = 0;
            for (int t = 1; t < 6; t++) {
                boolean active = f.batch.label(b, 1, t) > 0;
                double[][] j = {{0.5, active ? 2.0 : 0.0}, {0, 0.9}};
                logSum += Math.log(new SingularValueDecomposition(new Array2DRowRealMatrix(j)).getNorm());
            }
            expected = Math.max(expected, Math.exp(logSum / 5));
        }
        assertEquals(expected, JacobianProductBound.bound(f.model, signal), 1e-10);
    }

    @Test
    void annealingJumpsUpAndDecaysDown() {
        assertEquals(0.7, GeneralizedForcingSession.anneal(0.5, 0.7, 0.999), 0);
        assertEquals(0.999 * 0.5 + 0.001 * 0.1, GeneralizedForcingSession.anneal(0.5, 0.1, 0.999), 1e-15);
    }

    @Test
    void sessionUpdatesAlphaOnlyEveryInterval() {
        ForcingFixture f = new ForcingFixture(PlrnnCell.plain(1, 3), new IdentityReadout(3), new ZeroInitialState(), 2, 5, 3);
        double[] theta = new double[f.model.parameterCount()];
        theta[0] = 2.0; // ||J|| = 2: alpha* = 0.5
        f.model.setParameters(Nd4j.createFromArray(theta));
        ForcingSession s = new GeneralizedForcing(1.0, AlphaMethod.PRODUCT_BOUND, 0.9, 3).start();
        s.prepare(f.model, f.batch, 1);
        s.prepare(f.model, f.batch, 2);
        assertEquals(1.0, s.alpha(), 0);
        s.prepare(f.model, f.batch, 3);
        assertEquals(0.9 * 1.0 + 0.1 * 0.5, s.alpha(), 1e-12);
        ForcingSession decay = new GeneralizedForcing(0.8, AlphaMethod.DECAY, 0.5, 1).start();
        decay.prepare(f.model, f.batch, 1);
        assertEquals(0.4, decay.alpha(), 1e-15);
        ForcingSession constant = GeneralizedForcing.constant(0.3).start();
        constant.prepare(f.model, f.batch, 5);
        assertEquals(0.3, constant.alpha(), 0);
    }
}
