package org.longlag.tasks.dsr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.longlag.dynamics.trajectory.Standardization;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ParamBlock;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.model.IdentityReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ZeroInitialState;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A rotation x_{t+1} = R(omega) x_t written as a CSV trajectory, and a shallow PLRNN that is that
 * map exactly on the standardized scale: with W2 = I and h2 = 100 the shPLRNN is affine,
 * z' = (diag(A) + W1) z + W1 h2 + h1, wherever |z_i| &lt; 100, so it can be set to
 * y' = S^-1 R S y + S^-1 (R - I) mu, the rotation seen through the z-scoring y = S^-1 (x - mu).
 */
final class RotationModel {

    private RotationModel() {
    }

    static double[][] rotation(double omega, int rows) {
        double[][] x = new double[rows][];
        for (int t = 0; t < rows; t++) x[t] = new double[] {Math.cos(omega * t), Math.sin(omega * t)};
        return x;
    }

    static void write(Path file, double omega, int rows) throws IOException {
        TrajectoryCsv.write(file, rotation(omega, rows), List.of("x", "y"));
    }

    /** The exact model of the rotation by {@code omega} on data standardized by {@code s}. */
    static SequenceModel exact(double omega, Standardization s) {
        double c = Math.cos(omega), sn = Math.sin(omega);
        double[][] r = {{c, -sn}, {sn, c}};
        double[] mu = s.means(), sd = s.stds();
        double[][] k = new double[2][2];
        double[] b = new double[2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) k[i][j] = r[i][j] * sd[j] / sd[i];
            double rm = r[i][0] * mu[0] + r[i][1] * mu[1];
            b[i] = (rm - mu[i]) / sd[i];
        }
        ModelSpec spec = new ModelSpec(new ShPlrnnCell(1, 2, 2, false), new IdentityReadout(2), new ZeroInitialState(), Precision.FLOAT64);
        SequenceModel m = SequenceModel.create(spec, 1);
        double[] theta = new double[m.parameterCount()];
        ParameterLayout layout = m.layout();
        set(theta, layout, "cell.A", new double[][] {{0, 0}});
        set(theta, layout, "cell.W1", k);
        set(theta, layout, "cell.W2", new double[][] {{1, 0}, {0, 1}});
        set(theta, layout, "cell.h2", new double[][] {{100, 100}});
        double[] h1 = new double[2];
        for (int i = 0; i < 2; i++) h1[i] = b[i] - 100 * (k[i][0] + k[i][1]);
        set(theta, layout, "cell.h1", new double[][] {h1});
        m.setParameters(Nd4j.createFromArray(theta));
        return m;
    }

    private static void set(double[] theta, ParameterLayout layout, String name, double[][] values) {
        ParamBlock blk = layout.block(layout.indexOf(name));
        for (int i = 0; i < blk.rows(); i++) for (int j = 0; j < blk.cols(); j++) theta[blk.offset() + i * blk.cols() + j] = values[i][j];
    }
}
