package org.longlag.models.autonomous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.lyapunov.LyapunovResult;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.dynamics.metrics.PredictionError;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParamBlock;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.cell.StateJacobian;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.LearnedInitialState;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ZeroInitialState;
import org.nd4j.linalg.factory.Nd4j;

/** A trained model seen as a discrete map: known spectra, free runs and prediction error. */
class AutonomousRunTest {

    /**
     * A shPLRNN z' = diag(a) z + W1 relu(W2 z + h2) + h1 with W2 = I, h2 = 100 and h1 = -W1 h2 is the
     * linear map z' = (diag(a) + W1) z wherever |z_i| &lt; 100. With diag(a) + W1 = K = P D P^-1,
     * D = diag(0.9, -0.5, 0.2), its Lyapunov exponents are log|eigenvalues| = log 0.9, log 0.5, log 0.2
     * per step (analytic), and per time unit divided by dt.
     */
    @Test
    void lyapunovSpectrumOfALinearShallowPlrnnIsTheLogOfItsEigenvalues() {
        double[][] p = {{1, 0.4, -0.3}, {0.2, 1, 0.5}, {-0.1, 0.3, 1}};
        double[] d = {0.9, -0.5, 0.2};
        double[][] k = conjugate(p, d);
        double[] a = {0.3, 0.1, -0.2};
        double[][] w1 = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) w1[i][j] = k[i][j] - (i == j ? a[i] : 0);
        double[] h1 = new double[3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) h1[i] -= w1[i][j] * 100;

        ModelSpec spec = new ModelSpec(new ShPlrnnCell(1, 3, 3, false), new IdentityReadout(3), new ZeroInitialState(), Precision.FLOAT32);
        SequenceModel model = SequenceModel.create(spec, 1);
        double[] theta = new double[model.parameterCount()];
        ParameterLayout layout = model.layout();
        set(theta, layout, "cell.A", new double[][] {a});
        set(theta, layout, "cell.W1", w1);
        set(theta, layout, "cell.W2", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        set(theta, layout, "cell.h1", new double[][] {h1});
        set(theta, layout, "cell.h2", new double[][] {{100, 100, 100}});
        model.setParameters(Nd4j.createFromArray(theta));

        AutonomousMap map = AutonomousMap.of(model);
        assertEquals(3, map.dimension());
        double[] z = {0.3, -0.2, 0.1}, next = new double[3];
        map.step(z, next);
        for (int i = 0; i < 3; i++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) expected += k[i][j] * z[j];
            assertEquals(expected, next[i], 1e-4, "the float32 model's parameters are exact to ~1e-5; the map is K z");
        }
        MapLyapunovOptions options = MapLyapunovOptions.defaults().withTransientSteps(50).withSteps(400);
        LyapunovResult r = LyapunovSpectrum.of(map, z, options);
        assertArrayEquals(new double[] {Math.log(0.9), Math.log(0.5), Math.log(0.2)}, r.sorted(), 2e-4);
        LyapunovResult perTime = LyapunovSpectrum.of(map, z, options.withTimeStep(0.01));
        assertEquals(100 * Math.log(0.9), perTime.maximal(), 2e-2);
    }

    @Test
    void mapStepsAndJacobiansAreTheCellsInFloat64() {
        SequenceModel model = SequenceModel.create(new ModelSpec(new ShPlrnnCell(1, 4, 5, true), new IdentityReadout(2),
                new LearnedInitialState(0.3), Precision.FLOAT32), 5);
        AutonomousMap map = AutonomousMap.of(model);
        SequenceModel m64 = SequenceModel.of(model.spec().withPrecision(Precision.FLOAT64), model.parameters());
        StateJacobian sj = new StateJacobian(m64.spec().cell(), m64.weights().view(0));
        double[] z = {0.2, -0.4, 0.9, 0.1};
        double[] next = new double[4];
        map.step(z, next);
        assertArrayEquals(sj.step(z, null), next, 0);
        double[][] jac = new double[4][4];
        map.jacobian(z, jac);
        double[][] expected = sj.jacobian(z, null);
        for (int i = 0; i < 4; i++) assertArrayEquals(expected[i], jac[i], 0);
    }

    @Test
    void batchedPredictionErrorEqualsThePointwiseDefinition() {
        SequenceModel model = SequenceModel.create(new ModelSpec(new ShPlrnnCell(1, 4, 6, false), new IdentityReadout(2),
                new LearnedInitialState(0.5), Precision.FLOAT32), 8);
        SplittableRandom rng = new SplittableRandom(3);
        double[][] truth = new double[60][2];
        for (double[] row : truth) for (int j = 0; j < 2; j++) row[j] = Initializers.nextGaussian(rng);
        double[] batched = FreeRun.of(model).predictionErrorCurve(truth, 7);
        double[] pointwise = PredictionError.curve(AutonomousMap.of(model), AutonomousObservation.of(model), truth, 7);
        assertArrayEquals(pointwise, batched, 1e-12);
        assertTrue(batched[6] > 0);
    }

    @Test
    void freeRunStartsFromTheDataAndStepsTheCell() {
        SequenceModel model = SequenceModel.create(new ModelSpec(new ShPlrnnCell(1, 4, 6, false), new IdentityReadout(2),
                new LearnedInitialState(0.5), Precision.FLOAT64), 9);
        FreeRun run = FreeRun.of(model);
        double[] x0 = {0.7, -1.1};
        double[][] y = run.generate(x0, 4);
        assertArrayEquals(x0, y[0], 0, "point 0 observes the start, whose observed units are the data");
        AutonomousMap map = AutonomousMap.of(model);
        double[] z = run.start(x0), next = new double[4];
        for (int t = 1; t < 4; t++) {
            map.step(z, next);
            assertArrayEquals(new double[] {next[0], next[1]}, y[t], 1e-15);
            z = next.clone();
        }
        // the unobserved units start where one step from the learned z_0 leads them
        double[] fromZ0 = new double[4];
        map.step(run.initialState(), fromZ0);
        double[] start = run.start(x0);
        assertEquals(fromZ0[2], start[2], 1e-15);
        assertEquals(fromZ0[3], start[3], 1e-15);
    }

    private static double[][] conjugate(double[][] p, double[] d) {
        org.apache.commons.math3.linear.RealMatrix pm = new org.apache.commons.math3.linear.Array2DRowRealMatrix(p);
        org.apache.commons.math3.linear.RealMatrix inv = new org.apache.commons.math3.linear.LUDecomposition(pm).getSolver().getInverse();
        return pm.multiply(new org.apache.commons.math3.linear.DiagonalMatrix(d)).multiply(inv).getData();
    }

    private static void set(double[] theta, ParameterLayout layout, String name, double[][] values) {
        ParamBlock b = layout.block(layout.indexOf(name));
        for (int r = 0; r < b.rows(); r++) for (int c = 0; c < b.cols(); c++) theta[b.offset() + r * b.cols() + c] = values[r][c];
    }
}
