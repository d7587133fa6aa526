package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.Precision;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

class NtmInitialStateTest {

    private static final NtmCell LSTM = new NtmCell(2, 3, NtmCell.ControllerType.LSTM, 4, 2, 1, 1, 1, 20);
    private static final NtmCell FF = new NtmCell(2, 3, NtmCell.ControllerType.FEEDFORWARD, 5, 2, 2, 1, 1, 20);

    private static Parameters initialized(NtmInitialState s, long seed) {
        ParameterLayout layout = s.parameterLayout(s.cell().stateSizes());
        Parameters w = Parameters.zeros(layout, Precision.FLOAT64, true);
        s.initialize(w, s.cell().stateSizes(), new SplittableRandom(seed));
        return w;
    }

    @Test
    void constantMemoryAndWeightingsThatAreProbabilityVectors() {
        for (NtmCell cell : new NtmCell[] {LSTM, FF}) {
            NtmInitialState s = NtmInitialState.constant(cell);
            Parameters w = initialized(s, 1);
            State z0 = State.zeros(cell.stateSizes(), 3, Precision.FLOAT64);
            s.fill(w, z0);
            Mat mem = z0.part(cell.memoryPart());
            for (int b = 0; b < 3; b++) for (int k = 0; k < mem.cols(); k++) assertEquals(1e-6, mem.get(b, k), 1e-12);
            Mat wt = z0.part(cell.weightingsPart());
            int n = cell.memoryRows();
            for (int b = 0; b < 3; b++) {
                for (int h = 0; h < cell.heads(); h++) {
                    double sum = 0, min = 1, max = 0;
                    for (int i = 0; i < n; i++) {
                        double v = wt.get(b, h * n + i);
                        sum += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    assertEquals(1.0, sum, 1e-6);
                    assertTrue(min > 0);
                    assertTrue(max - min > 1e-3, "w_0 is not uniform, so a constant memory's symmetry is broken");
                }
            }
        }
    }

    @Test
    void randomMemoryIsDrawnOnceAndLearnedMemoryStartsSmall() {
        NtmInitialState random = new NtmInitialState(LSTM, NtmInitialState.MemoryInit.RANDOM, 0);
        State a = State.zeros(LSTM.stateSizes(), 2, Precision.FLOAT64), b = State.zeros(LSTM.stateSizes(), 2, Precision.FLOAT64);
        Parameters w = initialized(random, 5);
        random.fill(w, a);
        random.fill(w, b);
        Mat ma = a.part(LSTM.memoryPart());
        assertEquals(ma.get(0, 3), b.part(LSTM.memoryPart()).get(0, 3), 0.0, "the same draw every sequence");
        assertEquals(ma.get(0, 3), ma.get(1, 3), 0.0, "and for every sample");
        assertNotEquals(ma.get(0, 0), ma.get(0, 1));
        for (int k = 0; k < ma.cols(); k++) assertTrue(Math.abs(ma.get(0, k)) < 1);

        NtmInitialState learned = new NtmInitialState(LSTM, NtmInitialState.MemoryInit.LEARNED, 0);
        learned.fill(initialized(learned, 5), a);
        double bound = Math.sqrt(6.0 / (1 + 8));
        for (int k = 0; k < 8; k++) assertTrue(Math.abs(a.part(LSTM.memoryPart()).get(0, k)) <= bound);
    }

    /** L = sum(R .* z_0) for random R; backward against central differences, every memory init and controller. */
    @Test
    void gradientMatchesCentralDifferences() {
        for (NtmCell cell : new NtmCell[] {LSTM, FF}) {
            for (NtmInitialState.MemoryInit init : NtmInitialState.MemoryInit.values()) {
                NtmInitialState s = new NtmInitialState(cell, init, 1e-6);
                Parameters w = initialized(s, 2);
                int batch = 2;
                State r = State.zeros(cell.stateSizes(), batch, Precision.FLOAT64);
                SplittableRandom rng = new SplittableRandom(3);
                for (int b = 0; b < batch; b++) for (int k = 0; k < cell.stateSize(); k++) r.set(b, k, Initializers.nextGaussian(rng));

                Parameters g = Parameters.zeros(w.layout(), Precision.FLOAT64, false);
                s.backward(w, g, r);
                double[] theta = new double[w.layout().size()], grad = theta.clone();
                w.store(theta);
                g.store(grad);
                int frozen = init == NtmInitialState.MemoryInit.RANDOM ? w.layout().indexOf("M0") : -1;
                for (int i = 0; i < theta.length; i++) {
                    if (frozen >= 0 && i >= w.layout().block(frozen).offset()) {
                        assertEquals(0.0, grad[i], 0.0, "a random initial memory is not trained");
                        continue;
                    }
                    double keep = theta[i], e = Tolerances.FD_EPSILON;
                    theta[i] = keep + e;
                    double up = objective(s, theta, w, r);
                    theta[i] = keep - e;
                    double down = objective(s, theta, w, r);
                    theta[i] = keep;
                    double numeric = (up - down) / (2 * e);
                    assertTrue(Tolerances.close(grad[i], numeric, Tolerances.FD_ABS, Tolerances.FD_REL),
                            cell.controller() + " " + init + " param " + i + ": analytic " + grad[i] + " vs " + numeric);
                }
                w.load(theta);
            }
        }
    }

    private static double objective(NtmInitialState s, double[] theta, Parameters w, State r) {
        w.load(theta);
        State z0 = State.zeros(s.cell().stateSizes(), r.batch(), Precision.FLOAT64);
        s.fill(w, z0);
        double l = 0;
        for (int b = 0; b < r.batch(); b++) for (int k = 0; k < r.size(); k++) l += r.get(b, k) * z0.get(b, k);
        return l;
    }

    @Test
    void refusesACellOfAnotherShape() {
        NtmInitialState s = NtmInitialState.constant(LSTM);
        var e = assertThrows(IllegalArgumentException.class, () -> s.parameterLayout(FF.stateSizes()));
        assertTrue(e.getMessage().contains("state sizes"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new NtmInitialState(LSTM, NtmInitialState.MemoryInit.CONSTANT, Double.NaN));
        assertTrue(e2.getMessage().contains("memoryConstant"), e2.getMessage());
    }
}
