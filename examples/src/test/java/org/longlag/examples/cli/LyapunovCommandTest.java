package org.longlag.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ParamBlock;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ZeroInitialState;
import org.nd4j.linalg.factory.Nd4j;

/** {@code longlag lyapunov} on Lorenz-63 and on a saved model whose spectrum is known. */
class LyapunovCommandTest {

    /** Lorenz-63: maximal exponent ~0.906 (Sprott 2003), sum -(sigma + 1 + beta) = -13.667 exactly. */
    @Test
    void lorenzSpectrum() {
        Cli r = Cli.run("lyapunov", "--system", "lorenz63", "--time", "300");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(0.906, r.value("maximal:"), 0.05, r.out);
        assertEquals(-(10 + 1 + 8.0 / 3), r.value("sum:"), 0.14, r.out);
    }

    /**
     * A shPLRNN that is the linear map K = P diag(0.9, -0.5, 0.2) P^-1 (W2 = I, h2 = 100, h1 = -W1 h2,
     * so the ReLUs stay active): exponents log 0.9, log 0.5, log 0.2 per step, divided by dt per time unit.
     */
    @Test
    void savedModelWithAKnownMap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linear.longlag");
        linearModel().save(file);
        Cli r = Cli.run("lyapunov", "--model", file.toString(), "--steps", "3000", "--transient", "100", "--dt", "0.1");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(Math.log(0.9), r.value("maximal:"), 1e-3, r.out);
        assertEquals(Math.log(0.9) + Math.log(0.5) + Math.log(0.2), r.value("sum:"), 1e-3, r.out);
        String perTime = r.out.substring(r.out.indexOf("per time unit"));
        assertEquals(Math.log(0.9) / 0.1, Double.parseDouble(perTime.substring(perTime.indexOf("maximal:") + 8).trim().split("\\s")[0]), 1e-2, r.out);
    }

    @Test
    void oneSourceIsRequiredAndMissingModelsAreNamed(@TempDir Path dir) {
        Cli none = Cli.run("lyapunov");
        assertTrue(none.exitCode != 0 && none.err.contains("--system"), none.toString());
        Cli both = Cli.run("lyapunov", "--system", "lorenz63", "--model", "x");
        assertTrue(both.exitCode != 0 && both.err.contains("mutually exclusive"), both.toString());
        MetricsCommandTest.assertError(Cli.run("lyapunov", "--model", dir.resolve("missing.longlag").toString()), "no such file");
        MetricsCommandTest.assertError(Cli.run("lyapunov", "--system", "lorenz"), "known systems");
    }

    static SequenceModel linearModel() {
        RealMatrix p = new Array2DRowRealMatrix(new double[][] {{1, 0.4, -0.3}, {0.2, 1, 0.5}, {-0.1, 0.3, 1}});
        double[][] k = p.multiply(new DiagonalMatrix(new double[] {0.9, -0.5, 0.2})).multiply(new LUDecomposition(p).getSolver().getInverse()).getData();
        double[] a = {0.3, 0.1, -0.2};
        double[][] w1 = new double[3][3];
        double[] h1 = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                w1[i][j] = k[i][j] - (i == j ? a[i] : 0);
                h1[i] -= 100 * w1[i][j];
            }
        }
        ModelSpec spec = new ModelSpec(new ShPlrnnCell(1, 3, 3, false), new IdentityReadout(3), new ZeroInitialState(), Precision.FLOAT64);
        SequenceModel m = SequenceModel.create(spec, 1);
        double[] theta = new double[m.parameterCount()];
        set(theta, m.layout(), "cell.A", new double[][] {a});
        set(theta, m.layout(), "cell.W1", w1);
        set(theta, m.layout(), "cell.W2", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        set(theta, m.layout(), "cell.h1", new double[][] {h1});
        set(theta, m.layout(), "cell.h2", new double[][] {{100, 100, 100}});
        m.setParameters(Nd4j.createFromArray(theta));
        return m;
    }

    private static void set(double[] theta, ParameterLayout layout, String name, double[][] v) {
        ParamBlock b = layout.block(layout.indexOf(name));
        for (int i = 0; i < b.rows(); i++) for (int j = 0; j < b.cols(); j++) theta[b.offset() + i * b.cols() + j] = v[i][j];
    }
}
