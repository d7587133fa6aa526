package org.longlag.models.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

/**
 * A cell that defers its parameter gradient gets the same gradients whatever the runs of stacked
 * steps are: one step per run (what adding it in each step's backward would give), runs that do not
 * divide T, and one run over all steps; with truncation and with teacher forcing, whose boundaries
 * fall inside runs. In float64, so only the order of summation differs.
 */
class StackedStepsTest {

    private static final int STEPS = 11, BATCH = 3;
    private static final double TOLERANCE = 1e-12;

    /** Forces the state after every third step: fed = 0.5 produced + 0.25 (so its backward halves dFed). */
    private static final TeacherForcing HALVING = new TeacherForcing() {
        @Override
        public boolean forces(int t) {
            return t >= 0 && t % 3 == 1;
        }

        @Override
        public void force(int t, State produced, State fed) {
            fed.set(produced);
            fed.part(0).scale(0.5);
            fed.part(0).addScalar(0.25);
        }

        @Override
        public void backward(int t, State produced, State dFed) {
            dFed.part(0).scale(0.5);
        }
    };

    /** Gradients: [0] parameters, [1] inputs, [2] initial state, [3] the loss. */
    private static double[][] gradients(Cell cell, Bptt engine) {
        Parameters w = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT64, true);
        cell.initialize(w, new SplittableRandom(5));
        Unroll u = new Unroll(cell, BATCH, Precision.FLOAT64, engine.forcing() != TeacherForcing.NONE);
        u.ensureCapacity(STEPS);
        SplittableRandom rng = new SplittableRandom(6);
        for (int t = 0; t < STEPS; t++) fill(u.input(t), rng);
        fill(u.initial().part(0), rng);
        double[][][] target = new double[STEPS][BATCH][cell.stateSize()];
        for (double[][] tt : target) for (double[] row : tt) for (int k = 0; k < row.length; k++) row[k] = rng.nextDouble() - 0.5;
        Parameters g = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT64, false);
        Mat[] dInputs = new Mat[STEPS];
        for (int t = 0; t < STEPS; t++) dInputs[t] = Precision.FLOAT64.zeros(BATCH, cell.inputSize());
        State d0 = State.zeros(cell.stateParts(), BATCH, Precision.FLOAT64);
        engine.forward(w, u, STEPS);
        double loss = engine.backward(w, g, u, STEPS, (t, z, dz) -> {
            double sum = 0;
            for (int s = 0; s < BATCH; s++) {
                for (int k = 0; k < z.size(); k++) {
                    sum += target[t][s][k] * z.get(s, k);
                    dz.set(s, k, dz.get(s, k) + target[t][s][k]);
                }
            }
            return sum;
        }, dInputs, d0);
        double[] params = new double[cell.parameterLayout().size()];
        g.store(params);
        double[] dx = new double[STEPS * BATCH * cell.inputSize()];
        for (int t = 0; t < STEPS; t++) dInputs[t].store(dx, t * BATCH * cell.inputSize());
        double[] dz0 = new double[BATCH * cell.stateSize()];
        d0.part(0).store(dz0, 0);
        return new double[][] {params, dx, dz0, {loss}};
    }

    private static void fill(Mat m, SplittableRandom rng) {
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) m.set(r, c, rng.nextDouble() * 2 - 1);
    }

    @Test
    void gradientsDoNotDependOnTheRuns() {
        Cell cell = PlrnnCell.regularized(2, 6, 3, 1.0, 1.0);
        for (TeacherForcing forcing : new TeacherForcing[] {TeacherForcing.NONE, HALVING}) {
            for (int truncation : new int[] {0, 4}) {
                double[][] perStep = gradients(cell, new Bptt(forcing, truncation, 1));
                assertTrue(norm(perStep[0]) > 1e-3, "the parameter gradient is not trivially zero");
                for (int rows : new int[] {2 * BATCH, 4 * BATCH - 1, STEPS * BATCH, Bptt.DEFAULT_STACKED_ROWS}) {
                    double[][] stacked = gradients(cell, new Bptt(forcing, truncation, rows));
                    String what = "forcing " + (forcing == TeacherForcing.NONE ? "none" : "every 3rd") + ", truncation " + truncation + ", rows " + rows;
                    for (int k = 0; k < perStep.length; k++) {
                        for (int i = 0; i < perStep[k].length; i++) {
                            assertEquals(perStep[k][i], stacked[k][i], TOLERANCE * Math.max(1, Math.abs(perStep[k][i])), what + ", gradient " + k + "[" + i + "]");
                        }
                    }
                }
            }
        }
    }

    @Test
    void stackedRowsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Bptt(TeacherForcing.NONE, 0, 0));
        assertTrue(e.getMessage().contains("stackedRows"), e.getMessage());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
