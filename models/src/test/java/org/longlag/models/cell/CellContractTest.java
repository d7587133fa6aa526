package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.tensor.Precision;
import org.longlag.models.Tolerances;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.model.LearnedInitialState;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.tensor.Mat;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract every {@link Cell} passes; a cell's test subclasses this and supplies a small
 * instance and the same step written in SameDiff.
 *
 * <p>The test objective is L = sum_t sum_parts sum(R_t .* z_t) + regularization, R_t random: a
 * generic linear functional of every state at every step, so every gradient path through time is
 * exercised. Gradients of L with respect to parameters, inputs x_t and the initial state z_0 from
 * the shared BPTT engine are compared with float64 central differences and with SameDiff's
 * autodiff of an independently written graph.
 */
public abstract class CellContractTest {

    /** A small instance (a few units) for exhaustive checks. */
    protected abstract Cell cell();

    /**
     * The same step in SameDiff: given x_t [batch x inputs], the previous state parts and the
     * cell's parameter blocks (as [rows x cols] variables, in layout order), the next state parts.
     */
    protected abstract SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] params);

    /** The cell's regularization in SameDiff, or null if it has none. */
    protected SDVariable sameDiffRegularization(SameDiff sd, SDVariable[] params) {
        return null;
    }

    /** Parameters to check at; default: the cell's own initialization, nudged off special values (zeros, identities). */
    protected Parameters checkPoint(Cell cell, SplittableRandom rng) {
        Parameters w = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT64, true);
        cell.initialize(w, rng);
        for (int i = 0; i < w.layout().blockCount(); i++) {
            Mat m = w.get(i);
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) m.set(r, c, m.get(r, c) + 0.05 * Initializers.nextGaussian(rng));
            }
        }
        w.refreshTransposes();
        return w;
    }

    protected int steps() {
        return 6;
    }

    protected int batch() {
        return 3;
    }

    /** Scale of the random inputs and initial state. */
    protected double inputScale() {
        return 1.0;
    }

    // ------------------------------------------------------------------ fixture

    /** Inputs, initial state and objective weights of one check. */
    protected final class Fixture {
        final Cell cell = cell();
        final int b = batch(), steps = steps();
        final Parameters w;
        final double[][][] x;      // [t][b][i]
        final double[][] z0;       // [b][k]
        final double[][][] r;      // [t][b][k]

        Fixture(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            w = checkPoint(cell, rng.split());
            x = new double[steps][b][cell.inputSize()];
            r = new double[steps][b][cell.stateSize()];
            z0 = new double[b][cell.stateSize()];
            for (double[][] xt : x) for (double[] row : xt) for (int i = 0; i < row.length; i++) row[i] = inputScale() * Initializers.nextGaussian(rng);
            for (double[][] rt : r) for (double[] row : rt) for (int i = 0; i < row.length; i++) row[i] = Initializers.nextGaussian(rng);
            for (double[] row : z0) for (int i = 0; i < row.length; i++) row[i] = 0.5 * inputScale() * Initializers.nextGaussian(rng);
        }

        Unroll unroll(Precision p) {
            Unroll u = new Unroll(cell, b, p, false);
            u.ensureCapacity(steps);
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < b; s++) for (int i = 0; i < cell.inputSize(); i++) u.input(t).set(s, i, x[t][s][i]);
            }
            for (int s = 0; s < b; s++) u.initial().setRow(s, z0[s]);
            return u;
        }

        /** L at the fixture's point, by forward pass only. */
        double loss(Parameters weights) {
            Unroll u = unroll(weights.precision());
            Bptt.FULL.forward(weights, u, steps);
            double l = 0;
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < b; s++) {
                    double[] z = u.state(t + 1).row(s);
                    for (int k = 0; k < z.length; k++) l += r[t][s][k] * z[k];
                }
            }
            return l + cell.regularization(weights, null);
        }
    }

    /** Analytic gradients of the fixture's objective from the engine. */
    protected final class Analytic {
        final double loss;
        final double[] params;
        final double[][][] dx;     // [t][b][i]
        final double[][] dz0;      // [b][k]

        Analytic(Fixture f) {
            Unroll u = f.unroll(Precision.FLOAT64);
            Parameters g = Parameters.zeros(f.cell.parameterLayout(), Precision.FLOAT64, false);
            Mat[] dInputs = new Mat[f.steps];
            for (int t = 0; t < f.steps; t++) dInputs[t] = Precision.FLOAT64.zeros(f.b, f.cell.inputSize());
            State d0 = State.zeros(f.cell.stateParts(), f.b, Precision.FLOAT64);
            Bptt.FULL.forward(f.w, u, f.steps);
            double l = Bptt.FULL.backward(f.w, g, u, f.steps, (t, z, dz) -> {
                double sum = 0;
                for (int s = 0; s < f.b; s++) {
                    for (int k = 0; k < z.size(); k++) {
                        sum += f.r[t][s][k] * z.get(s, k);
                        dz.set(s, k, dz.get(s, k) + f.r[t][s][k]);
                    }
                }
                return sum;
            }, dInputs, d0);
            l += f.cell.regularization(f.w, g);
            loss = l;
            params = new double[f.cell.parameterLayout().size()];
            g.store(params);
            dx = new double[f.steps][f.b][f.cell.inputSize()];
            for (int t = 0; t < f.steps; t++) for (int s = 0; s < f.b; s++) for (int i = 0; i < f.cell.inputSize(); i++) dx[t][s][i] = dInputs[t].get(s, i);
            dz0 = new double[f.b][];
            for (int s = 0; s < f.b; s++) dz0[s] = d0.row(s);
        }
    }

    // ------------------------------------------------------------------ gradient checks

    @Test
    void parameterGradientMatchesCentralDifferences() {
        Fixture f = new Fixture(11);
        Analytic a = new Analytic(f);
        double[] theta = new double[f.cell.parameterLayout().size()];
        f.w.store(theta);
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i];
            theta[i] = keep + Tolerances.FD_EPSILON;
            f.w.load(theta);
            double up = f.loss(f.w);
            theta[i] = keep - Tolerances.FD_EPSILON;
            f.w.load(theta);
            double down = f.loss(f.w);
            theta[i] = keep;
            double numeric = (up - down) / (2 * Tolerances.FD_EPSILON);
            assertClose(a.params[i], numeric, Tolerances.FD_ABS, Tolerances.FD_REL, "dL/d" + name(f.cell, i));
        }
        f.w.load(theta);
    }

    @Test
    void inputAndInitialStateGradientsMatchCentralDifferences() {
        Fixture f = new Fixture(12);
        Analytic a = new Analytic(f);
        double e = Tolerances.FD_EPSILON;
        for (int t = 0; t < f.steps; t++) {
            for (int s = 0; s < f.b; s++) {
                for (int i = 0; i < f.cell.inputSize(); i++) {
                    double keep = f.x[t][s][i];
                    f.x[t][s][i] = keep + e;
                    double up = f.loss(f.w);
                    f.x[t][s][i] = keep - e;
                    double down = f.loss(f.w);
                    f.x[t][s][i] = keep;
                    assertClose(a.dx[t][s][i], (up - down) / (2 * e), Tolerances.FD_ABS, Tolerances.FD_REL, "dL/dx[t=" + t + "][" + s + "][" + i + "]");
                }
            }
        }
        for (int s = 0; s < f.b; s++) {
            for (int k = 0; k < f.cell.stateSize(); k++) {
                double keep = f.z0[s][k];
                f.z0[s][k] = keep + e;
                double up = f.loss(f.w);
                f.z0[s][k] = keep - e;
                double down = f.loss(f.w);
                f.z0[s][k] = keep;
                assertClose(a.dz0[s][k], (up - down) / (2 * e), Tolerances.FD_ABS, Tolerances.FD_REL, "dL/dz0[" + s + "][" + k + "]");
            }
        }
    }

    @Test
    void gradientsMatchSameDiffAutodiff() {
        Fixture f = new Fixture(13);
        Analytic a = new Analytic(f);
        SameDiff sd = SameDiff.create();
        ParameterLayout layout = f.cell.parameterLayout();
        SDVariable[] params = new SDVariable[layout.blockCount()];
        for (int i = 0; i < params.length; i++) {
            ParamBlock blk = layout.block(i);
            params[i] = sd.var("p" + i, toNd(f.w.get(i)));
        }
        int[] sizes = f.cell.stateSizes();
        SDVariable[] z = new SDVariable[sizes.length];
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            double[][] part = new double[f.b][sizes[k]];
            for (int s = 0; s < f.b; s++) System.arraycopy(f.z0[s], offset, part[s], 0, sizes[k]);
            z[k] = sd.var("z0_" + k, Nd4j.createFromArray(part));
            offset += sizes[k];
        }
        SDVariable loss = null;
        for (int t = 0; t < f.steps; t++) {
            SDVariable x = sd.var("x" + t, Nd4j.createFromArray(f.x[t]));
            z = sameDiffStep(sd, x, z, params);
            offset = 0;
            for (int k = 0; k < sizes.length; k++) {
                double[][] rk = new double[f.b][sizes[k]];
                for (int s = 0; s < f.b; s++) System.arraycopy(f.r[t][s], offset, rk[s], 0, sizes[k]);
                offset += sizes[k];
                SDVariable term = z[k].mul(sd.constant(Nd4j.createFromArray(rk))).sum();
                loss = loss == null ? term : loss.add(term);
            }
        }
        SDVariable reg = sameDiffRegularization(sd, params);
        if (reg != null) loss = loss.add(reg);
        loss.markAsLoss();
        String[] names = sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .map(SDVariable::name).toArray(String[]::new);
        Map<String, INDArray> grads = sd.calculateGradients(new HashMap<>(), names);
        double sdLoss = loss.eval().getDouble(0);
        assertClose(a.loss, sdLoss, Tolerances.SAMEDIFF_ABS, Tolerances.SAMEDIFF_REL, "loss");

        for (int i = 0; i < params.length; i++) {
            ParamBlock blk = layout.block(i);
            INDArray g = grads.get("p" + i);
            for (int r = 0; r < blk.rows(); r++) {
                for (int c = 0; c < blk.cols(); c++) {
                    double sdg = g == null ? 0 : g.getDouble(r, c);
                    assertClose(a.params[blk.offset() + r * blk.cols() + c], sdg, Tolerances.SAMEDIFF_ABS, Tolerances.SAMEDIFF_REL,
                            "dL/d" + blk.name() + "[" + r + "][" + c + "] vs SameDiff");
                }
            }
        }
        for (int t = 0; t < f.steps; t++) {
            INDArray g = grads.get("x" + t);
            for (int s = 0; s < f.b; s++) {
                for (int i = 0; i < f.cell.inputSize(); i++) {
                    assertClose(a.dx[t][s][i], g == null ? 0 : g.getDouble(s, i), Tolerances.SAMEDIFF_ABS, Tolerances.SAMEDIFF_REL,
                            "dL/dx[t=" + t + "][" + s + "][" + i + "] vs SameDiff");
                }
            }
        }
        offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            INDArray g = grads.get("z0_" + k);
            for (int s = 0; s < f.b; s++) {
                for (int j = 0; j < sizes[k]; j++) {
                    assertClose(a.dz0[s][offset + j], g == null ? 0 : g.getDouble(s, j), Tolerances.SAMEDIFF_ABS, Tolerances.SAMEDIFF_REL,
                            "dL/dz0 part " + k + "[" + s + "][" + j + "] vs SameDiff");
                }
            }
            offset += sizes[k];
        }
    }

    @Test
    void stateJacobianMatchesCentralDifferences() {
        Fixture f = new Fixture(14);
        StateJacobian sj = new StateJacobian(f.cell, f.w);
        double[] z = f.z0[0].clone();
        double[] x = f.x[0][0];
        double[][] jac = sj.jacobian(z, x);
        int n = f.cell.stateSize();
        double e = Tolerances.FD_EPSILON;
        for (int j = 0; j < n; j++) {
            double keep = z[j];
            z[j] = keep + e;
            double[] up = sj.step(z, x);
            z[j] = keep - e;
            double[] down = sj.step(z, x);
            z[j] = keep;
            for (int i = 0; i < n; i++) {
                assertClose(jac[i][j], (up[i] - down[i]) / (2 * e), Tolerances.FD_ABS, Tolerances.FD_REL, "J[" + i + "][" + j + "]");
            }
        }
    }

    // ------------------------------------------------------------------ other contract items

    @Test
    void shapesAreConsistent() {
        Cell c = cell();
        assertTrue(c.inputSize() >= 1);
        int sum = 0;
        for (int s : c.stateSizes()) {
            assertTrue(s >= 1, "state part size");
            sum += s;
        }
        assertEquals(sum, c.stateSize());
        assertEquals(c.stateSizes()[0], c.outputSize());
        ParameterLayout layout = c.parameterLayout();
        int expected = 0;
        for (ParamBlock b : layout.blocks()) {
            assertEquals(expected, b.offset(), "blocks are contiguous");
            expected += b.size();
        }
        assertEquals(expected, layout.size());

        Unroll u = new Unroll(c, 2, Precision.FLOAT32, false);
        u.ensureCapacity(3);
        Parameters w = Parameters.zeros(layout, Precision.FLOAT32, true);
        c.initialize(w, new SplittableRandom(1));
        Bptt.FULL.forward(w, u, 3);
        for (int k = 0; k < c.stateSizes().length; k++) {
            assertEquals(2, u.state(3).part(k).rows());
            assertEquals(c.stateSizes()[k], u.state(3).part(k).cols());
        }
        assertTrue(u.state(3).isFinite());

        // an input of the wrong width is refused with a clear error, not silently misread
        Mat wrong = Precision.FLOAT32.zeros(2, c.inputSize() + 1);
        StepTape bad = new StepTape(wrong, u.state(0), u.state(1), c.newRecord(2, Precision.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> c.forward(w, bad));
    }

    @Test
    void initializationIsDeterministicUnderASeed() {
        Cell c = cell();
        Parameters a = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        Parameters b = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        Parameters other = Parameters.zeros(c.parameterLayout(), Precision.FLOAT64, true);
        c.initialize(a, new SplittableRandom(42));
        c.initialize(b, new SplittableRandom(42));
        c.initialize(other, new SplittableRandom(43));
        double[] fa = new double[c.parameterLayout().size()], fb = fa.clone(), fo = fa.clone();
        a.store(fa);
        b.store(fb);
        other.store(fo);
        assertArrayEquals(fa, fb, 0.0);
        for (double v : fa) assertTrue(Double.isFinite(v));
        if (hasRandomInitialization()) assertFalse(java.util.Arrays.equals(fa, fo), "a different seed gives different parameters");
    }

    /** False for cells whose initialization draws nothing at random. */
    protected boolean hasRandomInitialization() {
        return true;
    }

    @Test
    void float32ForwardAgreesWithFloat64() {
        Fixture f = new Fixture(15);
        double[] theta = new double[f.cell.parameterLayout().size()];
        f.w.store(theta);
        Parameters w32 = Parameters.zeros(f.cell.parameterLayout(), Precision.FLOAT32, true);
        w32.load(theta);
        Unroll u64 = f.unroll(Precision.FLOAT64);
        Unroll u32 = f.unroll(Precision.FLOAT32);
        Bptt.FULL.forward(f.w, u64, f.steps);
        Bptt.FULL.forward(w32, u32, f.steps);
        for (int s = 0; s < f.b; s++) {
            double[] z64 = u64.state(f.steps).row(s), z32 = u32.state(f.steps).row(s);
            for (int k = 0; k < z64.length; k++) {
                double scale = Math.max(1, Math.abs(z64[k]));
                assertEquals(z64[k], z32[k], Tolerances.F32_VS_F64_ABS * scale, "float32 vs float64 state " + k);
            }
        }
    }

    @Test
    void modelSaveLoadRoundTrip(@TempDir Path dir) throws Exception {
        for (Precision p : Precision.values()) {
            ModelSpec spec = new ModelSpec(cell(), new LinearReadout(2), new LearnedInitialState(0.1), p);
            SequenceModel m = SequenceModel.create(spec, 5);
            Path file = dir.resolve("m-" + p + ".model");
            m.save(file);
            SequenceModel back = SequenceModel.load(file);
            assertEquals(spec, back.spec());
            assertArrayEquals(m.parameters().data().asDouble(), back.parameters().data().asDouble(), 0.0);
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, cell().inputSize(), 4);
            assertEquals(m.output(x), back.output(x));

            byte[] all = Files.readAllBytes(file);
            Path cut = dir.resolve("cut.model");
            Files.write(cut, java.util.Arrays.copyOf(all, all.length - 3));
            Exception e = assertThrows(java.io.IOException.class, () -> SequenceModel.load(cut));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static INDArray toNd(Mat m) {
        double[][] a = new double[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) for (int c = 0; c < m.cols(); c++) a[r][c] = m.get(r, c);
        return Nd4j.createFromArray(a);
    }

    private static String name(Cell cell, int flatIndex) {
        for (ParamBlock b : cell.parameterLayout().blocks()) {
            if (flatIndex >= b.offset() && flatIndex < b.offset() + b.size()) {
                int k = flatIndex - b.offset();
                return b.name() + "[" + k / b.cols() + "][" + k % b.cols() + "]";
            }
        }
        return "param " + flatIndex;
    }

    protected static void assertClose(double analytic, double reference, double abs, double rel, String what) {
        if (!Tolerances.close(analytic, reference, abs, rel)) {
            fail(what + ": analytic " + analytic + " vs reference " + reference + " (diff " + Math.abs(analytic - reference) + ")");
        }
    }

    /** Unused-parameter guard so a subclass cannot pass by returning a constant state. */
    @Test
    void stepDependsOnStateAndInput() {
        Fixture f = new Fixture(16);
        StateJacobian sj = new StateJacobian(f.cell, f.w);
        double[] a = sj.step(f.z0[0], f.x[0][0]);
        double[] b = sj.step(f.z0[1], f.x[0][0]);
        double[] c = sj.step(f.z0[0], f.x[1][0]);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b), "state matters");
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c), "input matters");
    }
}
