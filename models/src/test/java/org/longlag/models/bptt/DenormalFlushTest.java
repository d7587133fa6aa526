package org.longlag.models.bptt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

/**
 * Long float32 BPTT in a decaying regime drives states and gradients toward zero; the engine must
 * keep every value either exactly zero or normal (>= 2^-126 ~ 1.18e-38 in magnitude), since
 * subnormal arithmetic runs many times slower and the JVM cannot set flush-to-zero.
 */
class DenormalFlushTest {

    private static final double SMALLEST_NORMAL_FLOAT = Float.MIN_NORMAL;

    @Test
    void longFloat32BpttLeavesNoSubnormalValues() {
        PlrnnCell plrnn = PlrnnCell.plain(1, 16);
        for (Cell cell : new Cell[] {new LstmCell(1, 16, -6.0, 0), new ElmanCell(1, 16, ElmanCell.Activation.TANH, ElmanCell.RecurrentInit.GAUSSIAN, 0.2), plrnn}) {
            int steps = 600, batch = 4;
            Parameters w = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT32, true);
            cell.initialize(w, new SplittableRandom(1));
            if (cell == plrnn) decaying(w); // states and gradients that decay to zero, through the subnormal range
            Parameters g = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT32, false);
            Unroll u = new Unroll(cell, batch, Precision.FLOAT32, false);
            u.ensureCapacity(steps);
            u.input(0).fill(1.0); // one pulse, then silence: the memory of it decays geometrically
            State[] grads = new State[steps];
            Bptt.FULL.forward(w, u, steps);
            Bptt.FULL.backward(w, g, u, steps, (t, z, dz) -> {
                if (t == steps - 1) dz.part(0).fill(1.0);
                return 0;
            }, null, null);
            for (int t = 0; t <= steps; t++) assertNoSubnormal(u.state(t), cell + " state at step " + t);
            assertNoSubnormal(u.gradient(0), cell + " state gradient");
            assertNoSubnormal(u.gradient(1), cell + " state gradient");
            for (int i = 0; i < g.layout().blockCount(); i++) assertNoSubnormal(g.get(i), cell + " parameter gradient " + i);
            // the regime really decays: early state gradients reached zero
            assertTrue(u.state(steps).isFinite());
        }
    }

    /** PLRNN parameters under which states and gradients decay geometrically to zero: A = 0.8, small W, h = 0. */
    private static void decaying(Parameters w) {
        Mat a = w.get(0), wm = w.get(1), h = w.get(2);
        for (int i = 0; i < a.cols(); i++) {
            a.set(0, i, 0.8);
            h.set(0, i, 0);
            for (int j = 0; j < a.cols(); j++) wm.set(i, j, i == j ? 0 : 0.1 / a.cols() * ((i * 7 + j * 3) % 5 - 2));
        }
        w.refreshTransposes();
    }

    private static void assertNoSubnormal(State s, String what) {
        for (int k = 0; k < s.partCount(); k++) assertNoSubnormal(s.part(k), what + " part " + k);
    }

    private static void assertNoSubnormal(Mat m, String what) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                double v = Math.abs(m.get(r, c));
                assertTrue(v == 0 || v >= SMALLEST_NORMAL_FLOAT, what + " has subnormal value " + v + " at [" + r + "][" + c + "]");
            }
        }
    }
}
