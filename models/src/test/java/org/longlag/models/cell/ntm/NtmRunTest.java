package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.tensor.Mat;

/** NTM runs over many steps: weightings stay probability vectors, and nothing becomes NaN or infinite. */
class NtmRunTest {

    /** An unrolled NTM from a fresh model: inputs N(0, scale^2), z_0 from its {@link NtmInitialState}. */
    private static final class Run {
        final NtmCell cell;
        final Parameters cellWeights;
        final Unroll unroll;
        final int steps;

        Run(NtmCell cell, NtmInitialState.MemoryInit init, Precision p, int batch, int steps, double inputScale, double weightScale, long seed) {
            this.cell = cell;
            this.steps = steps;
            ModelSpec spec = new ModelSpec(cell, new LinearReadout(2), NtmInitialState.of(cell, init, 1e-6), p);
            SequenceModel model = SequenceModel.create(spec, seed);
            Parameters w = model.weights();
            if (weightScale != 1) {
                // blow every cell weight up to drive beta, gamma and the gates to extremes
                for (int i = 0; i < spec.readoutBlock(); i++) w.get(i).scale(weightScale);
                w.refreshTransposes();
            }
            cellWeights = w.view(0);
            unroll = new Unroll(cell, batch, p, false);
            unroll.ensureCapacity(steps);
            SplittableRandom rng = new SplittableRandom(seed + 1);
            for (int t = 0; t < steps; t++) {
                Mat x = unroll.input(t);
                for (int b = 0; b < batch; b++) for (int i = 0; i < cell.inputSize(); i++) x.set(b, i, inputScale * Initializers.nextGaussian(rng));
            }
            spec.initialState().fill(w.view(spec.initialStateBlock()), unroll.initial());
            Bptt.FULL.forward(cellWeights, unroll, steps);
        }

        /** Backward of sum_t sum(z_t) (every state value, every step); returns the parameter gradient. */
        Parameters backward(State dz0) {
            Parameters g = Parameters.zeros(cell.parameterLayout(), unroll.precision(), false);
            Bptt.FULL.backward(cellWeights, g, unroll, steps, (t, z, dz) -> {
                for (int k = 0; k < z.partCount(); k++) dz.part(k).addScalar(1.0);
                return 0;
            }, null, dz0);
            return g;
        }
    }

    private static NtmCell cell(NtmCell.ControllerType c, int n, int m, int controller, double clip) {
        return new NtmCell(6, controller, c, n, m, 2, 1, 1, clip);
    }

    @Test
    void weightingsAreProbabilityVectorsAfterEveryStep() {
        for (NtmCell.ControllerType c : NtmCell.ControllerType.values()) {
            for (Precision p : Precision.values()) {
                NtmCell cell = cell(c, 16, 5, 8, 20);
                Run run = new Run(cell, NtmInitialState.MemoryInit.CONSTANT, p, 4, 40, 1.0, 1.0, 3);
                double tol = p == Precision.FLOAT32 ? 1e-5 : 1e-12;
                for (int t = 0; t <= run.steps; t++) {
                    Mat w = run.unroll.state(t).part(NtmCell.WEIGHTINGS);
                    for (int b = 0; b < 4; b++) {
                        for (int h = 0; h < cell.heads(); h++) {
                            double sum = 0;
                            for (int i = 0; i < cell.memoryRows(); i++) {
                                double v = w.get(b, h * cell.memoryRows() + i);
                                assertTrue(v >= 0 && v <= 1, "weighting in [0, 1] at t=" + t + ": " + v);
                                sum += v;
                            }
                            assertEquals(1.0, sum, tol, c + " " + p + " head " + h + " at t=" + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void longRunsWithLargeInputsStayFiniteInFloat32() {
        int steps = 300;
        // (controller, memory init, clip, weight scale): the default setup, and no clipping with
        // weights blown up 30x so that beta, gamma and the gates saturate
        Object[][] cases = {
            {NtmCell.ControllerType.LSTM, NtmInitialState.MemoryInit.CONSTANT, 20.0, 1.0},
            {NtmCell.ControllerType.LSTM, NtmInitialState.MemoryInit.LEARNED, 0.0, 30.0},
            {NtmCell.ControllerType.FEEDFORWARD, NtmInitialState.MemoryInit.RANDOM, 0.0, 30.0},
            {NtmCell.ControllerType.FEEDFORWARD, NtmInitialState.MemoryInit.CONSTANT, 20.0, 30.0},
        };
        for (Object[] k : cases) {
            NtmCell cell = cell((NtmCell.ControllerType) k[0], 32, 8, 16, (Double) k[2]);
            Run run = new Run(cell, (NtmInitialState.MemoryInit) k[1], Precision.FLOAT32, 4, steps, 50.0, (Double) k[3], 7);
            String what = java.util.Arrays.toString(k);
            for (int t = 0; t <= steps; t++) assertTrue(run.unroll.state(t).isFinite(), what + ": state finite at t=" + t);
            State dz0 = State.zeros(cell.stateParts(), 4, Precision.FLOAT32);
            Parameters g = run.backward(dz0);
            assertTrue(dz0.isFinite(), what + ": dL/dz_0 finite");
            for (int i = 0; i < g.layout().blockCount(); i++) assertTrue(g.get(i).isFinite(), what + ": gradient of " + g.layout().block(i).name() + " finite");
        }
    }

    @Test
    void longFloat32RunsLeaveNoSubnormalValues() {
        // sharp heads (weights scaled up): states (flushed by the engine) and parameter gradients
        // (accumulated inside the cell) must hold no float32 subnormal value
        NtmCell cell = cell(NtmCell.ControllerType.LSTM, 32, 8, 16, 20);
        Run run = new Run(cell, NtmInitialState.MemoryInit.CONSTANT, Precision.FLOAT32, 4, 200, 1.0, 5.0, 11);
        State dz0 = State.zeros(cell.stateParts(), 4, Precision.FLOAT32);
        Parameters g = run.backward(dz0);
        for (int t = 0; t <= run.steps; t++) assertNoSubnormal(run.unroll.state(t), "state at t=" + t);
        for (int i = 0; i < g.layout().blockCount(); i++) {
            Mat m = g.get(i);
            assertNoSubnormal(new State(java.util.List.of(new org.longlag.models.cell.StatePart("gradient", m.cols())), m), "gradient of " + g.layout().block(i).name());
        }
    }

    private static void assertNoSubnormal(State s, String what) {
        for (int k = 0; k < s.partCount(); k++) {
            Mat m = s.part(k);
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    double v = Math.abs(m.get(r, c));
                    assertTrue(v == 0 || v >= Float.MIN_NORMAL, what + " part " + k + " has subnormal " + v);
                }
            }
        }
    }
}
