package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.model.InitialState;
import org.longlag.models.model.PartwiseInitialState;
import org.longlag.models.tensor.Mat;

class NtmInitialStateTest {

    private static final NtmCell LSTM = new NtmCell(2, 3, NtmCell.ControllerType.LSTM, 4, 2, 1, 1, 1, 20);
    private static final NtmCell FF = new NtmCell(2, 3, NtmCell.ControllerType.FEEDFORWARD, 5, 2, 2, 1, 1, 20);

    private static Parameters initialized(NtmCell cell, InitialState s, long seed) {
        ParameterLayout layout = s.parameterLayout(cell.stateParts());
        Parameters w = Parameters.zeros(layout, Precision.FLOAT64, true);
        s.initialize(w, cell.stateParts(), new SplittableRandom(seed));
        return w;
    }

    @Test
    void constantMemoryAndWeightingsThatAreProbabilityVectors() {
        for (NtmCell cell : new NtmCell[] {LSTM, FF}) {
            PartwiseInitialState s = NtmInitialState.constant(cell);
            Parameters w = initialized(cell, s, 1);
            State z0 = State.zeros(cell.stateParts(), 3, Precision.FLOAT64);
            for (int b = 0; b < 3; b++) for (int k = 0; k < cell.stateSize(); k++) z0.set(b, k, 7); // fill overwrites everything
            s.fill(w, z0);
            Mat mem = z0.part(NtmCell.MEMORY);
            for (int b = 0; b < 3; b++) for (int k = 0; k < mem.cols(); k++) assertEquals(1e-6, mem.get(b, k), 1e-12);
            int n = cell.memoryRows();
            for (int b = 0; b < 3; b++) {
                for (int h = 0; h < cell.heads(); h++) {
                    Mat wt = z0.part(cell.head(h).weightingName());
                    double sum = 0, min = 1, max = 0;
                    for (int i = 0; i < n; i++) {
                        double v = wt.get(b, i);
                        sum += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    assertEquals(1.0, sum, 1e-6);
                    assertTrue(min > 0);
                    assertTrue(max - min > 1e-3, "w_0 is not uniform, so a constant memory's symmetry is broken");
                }
            }
            Mat h0 = z0.part(NtmCell.HIDDEN);
            if (cell.controller() == NtmCell.ControllerType.FEEDFORWARD) {
                for (int k = 0; k < h0.cols(); k++) assertEquals(0.0, h0.get(0, k), 0.0, "a feed-forward controller has no state: h_0 = 0");
            } else {
                assertNotEquals(0.0, h0.get(0, 0), "the LSTM controller's h_0 is learned");
            }
        }
    }

    @Test
    void theLayoutIsThePartsInOrder() {
        assertEquals("ParameterLayout(" + (3 + 3 + 2 + 2 * 4 + 8) + ": h.z0[1x3] c.z0[1x3] reads.z0[1x2] read0.weighting.logits[1x4]"
                + " write0.weighting.logits[1x4] memory.theta[1x8])",
                NtmInitialState.of(LSTM, NtmInitialState.MemoryInit.LEARNED, 0).parameterLayout(LSTM.stateParts()).toString());
        assertEquals("ParameterLayout(" + (4 + 5 * 3) + ": reads.z0[1x4] read0.weighting.logits[1x5] read1.weighting.logits[1x5]"
                + " write0.weighting.logits[1x5])", NtmInitialState.constant(FF).parameterLayout(FF.stateParts()).toString());
    }

    @Test
    void randomMemoryIsDrawnOnceAndLearnedMemoryStartsSmall() {
        PartwiseInitialState random = NtmInitialState.of(LSTM, NtmInitialState.MemoryInit.RANDOM, 0);
        State a = State.zeros(LSTM.stateParts(), 2, Precision.FLOAT64), b = State.zeros(LSTM.stateParts(), 2, Precision.FLOAT64);
        Parameters w = initialized(LSTM, random, 5);
        random.fill(w, a);
        random.fill(w, b);
        Mat ma = a.part(NtmCell.MEMORY);
        assertEquals(ma.get(0, 3), b.part(NtmCell.MEMORY).get(0, 3), 0.0, "the same draw every sequence");
        assertEquals(ma.get(0, 3), ma.get(1, 3), 0.0, "and for every sample");
        assertNotEquals(ma.get(0, 0), ma.get(0, 1));
        for (int k = 0; k < ma.cols(); k++) assertTrue(Math.abs(ma.get(0, k)) < 1);

        PartwiseInitialState learned = NtmInitialState.of(LSTM, NtmInitialState.MemoryInit.LEARNED, 0);
        learned.fill(initialized(LSTM, learned, 5), a);
        double bound = Math.sqrt(6.0 / (1 + 8));
        for (int k = 0; k < 8; k++) assertTrue(Math.abs(a.part(NtmCell.MEMORY).get(0, k)) <= bound);
    }

    /** L = sum(R .* z_0) for random R; backward against central differences, every memory init and controller. */
    @Test
    void gradientMatchesCentralDifferences() {
        for (NtmCell cell : new NtmCell[] {LSTM, FF}) {
            for (NtmInitialState.MemoryInit init : NtmInitialState.MemoryInit.values()) {
                PartwiseInitialState s = NtmInitialState.of(cell, init, 1e-6);
                Parameters w = initialized(cell, s, 2);
                int batch = 2;
                State r = State.zeros(cell.stateParts(), batch, Precision.FLOAT64);
                SplittableRandom rng = new SplittableRandom(3);
                for (int b = 0; b < batch; b++) for (int k = 0; k < cell.stateSize(); k++) r.set(b, k, Initializers.nextGaussian(rng));

                Parameters g = Parameters.zeros(w.layout(), Precision.FLOAT64, false);
                s.backward(w, g, r);
                double[] theta = new double[w.layout().size()], grad = theta.clone();
                w.store(theta);
                g.store(grad);
                int frozen = init == NtmInitialState.MemoryInit.RANDOM ? w.layout().indexOf("memory.z0") : -1;
                if (init == NtmInitialState.MemoryInit.RANDOM) assertTrue(frozen >= 0, w.layout().toString());
                for (int i = 0; i < theta.length; i++) {
                    if (frozen >= 0 && i >= w.layout().block(frozen).offset()) {
                        assertEquals(0.0, grad[i], 0.0, "a random initial memory is not trained");
                        continue;
                    }
                    double keep = theta[i], e = Tolerances.FD_EPSILON;
                    theta[i] = keep + e;
                    double up = objective(cell, s, theta, w, r);
                    theta[i] = keep - e;
                    double down = objective(cell, s, theta, w, r);
                    theta[i] = keep;
                    double numeric = (up - down) / (2 * e);
                    assertTrue(Tolerances.close(grad[i], numeric, Tolerances.FD_ABS, Tolerances.FD_REL),
                            cell.controller() + " " + init + " param " + i + ": analytic " + grad[i] + " vs " + numeric);
                }
                w.load(theta);
            }
        }
    }

    private static double objective(NtmCell cell, InitialState s, double[] theta, Parameters w, State r) {
        w.load(theta);
        State z0 = State.zeros(cell.stateParts(), r.batch(), Precision.FLOAT64);
        s.fill(w, z0);
        double l = 0;
        for (int b = 0; b < r.batch(); b++) for (int k = 0; k < r.size(); k++) l += r.get(b, k) * z0.get(b, k);
        return l;
    }

    @Test
    void refusesACellOfAnotherShapeAndABadConstant() {
        PartwiseInitialState s = NtmInitialState.constant(LSTM);
        var e = assertThrows(IllegalArgumentException.class, () -> s.parameterLayout(FF.stateParts()));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage()); // the feed-forward NTM has no controller cell state
        var e2 = assertThrows(IllegalArgumentException.class, () -> NtmInitialState.of(LSTM, NtmInitialState.MemoryInit.CONSTANT, Double.NaN));
        assertTrue(e2.getMessage().contains("memoryConstant"), e2.getMessage());
    }

    /** The form old model files hold reads as the per-part composition, with the same parameters in the same places. */
    @Test
    void theLegacyFormStandsForTheComposition() {
        for (NtmInitialState.MemoryInit init : NtmInitialState.MemoryInit.values()) {
            LegacyNtmInitialState legacy = new LegacyNtmInitialState(LSTM, init, 0.5);
            assertEquals(NtmInitialState.of(LSTM, init, 0.5), legacy.partwise());
            assertEquals(legacy.partwise().parameterLayout(LSTM.stateParts()).toString(), legacy.parameterLayout(LSTM.stateParts()).toString());
            Parameters a = initialized(LSTM, legacy, 9), b = initialized(LSTM, legacy.partwise(), 9);
            double[] fa = new double[a.layout().size()], fb = fa.clone();
            a.store(fa);
            b.store(fb);
            org.junit.jupiter.api.Assertions.assertArrayEquals(fa, fb, 0.0);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new LegacyNtmInitialState(LSTM, NtmInitialState.MemoryInit.CONSTANT, 0).parameterLayout(FF.stateParts()));
        assertTrue(e.getMessage().contains("state parts"), e.getMessage());
        assertEquals(List.of("output", "h", "reads", "c", "memory", "weightings", "read0.weighting", "write0.weighting"),
                org.longlag.models.cell.StatePart.names(LSTM.stateParts()));
    }
}
