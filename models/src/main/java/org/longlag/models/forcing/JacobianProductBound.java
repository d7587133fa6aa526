package org.longlag.models.forcing;

import org.longlag.models.cell.BatchJacobians;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;

/**
 * The alpha of generalized teacher forcing from a bound on the Jacobian products along the data
 * (Hess et al., ICML 2023, Sect. 3-4; reference {@code compute_α_product_upper_bound} and
 * {@code opt_α} in DurstewitzLab/GTF-shPLRNN {@code src/tf_training/alpha_estimation.jl}):
 *
 * <pre>
 *   G_b    = ( prod_{t=1..T} ||J(z_data,b,t)||_2 )^(1/T)      geometric mean along sequence b
 *   G      = max_b G_b
 *   alpha* = max(0, 1 - 1/G)
 * </pre>
 *
 * so that (1 - alpha*) G &lt;= 1: the forced Jacobian products cannot grow along the batch's data.
 * J is the cell's state Jacobian with zero input at the data-inferred state: the forced units of
 * part 0 from the data, every other state unit 0 (the reference pads with zeros likewise). Steps
 * t &gt;= 1 are used (step 0 is the start, which is always forced outright).
 */
public final class JacobianProductBound {

    private JacobianProductBound() {
    }

    /** alpha* for a batch under the model's current parameters. */
    public static double alpha(SequenceModel model, TeacherSignal signal) {
        return alphaFor(bound(model, signal));
    }

    /** alpha* = max(0, 1 - 1/G) */
    public static double alphaFor(double g) {
        return g <= 1 ? 0 : 1 - 1 / g;
    }

    /** G = max over rows of the geometric mean of ||J||_2 along the row's data-inferred states. */
    public static double bound(SequenceModel model, TeacherSignal signal) {
        ModelSpec spec = model.spec();
        SequenceBatch batch = signal.batch();
        int steps = batch.length() - 1;
        if (steps < 1) throw new IllegalArgumentException("the alpha estimate needs sequences of at least 2 steps, got " + batch.length());
        int rows = batch.size();
        int n = spec.cell().stateSize();
        double[][] points = new double[rows * steps][n];
        double[] y = signal.observationBuffer();
        double[] z = signal.unitsBuffer();
        for (int b = 0; b < rows; b++) {
            for (int t = 1; t <= steps; t++) {
                signal.infer(b, t, y, z);
                System.arraycopy(z, 0, points[b * steps + t - 1], 0, z.length);
            }
        }
        double[] logSum = new double[rows];
        new BatchJacobians(spec.cell(), model.weights().view(0)).forEach(points,
                (i, jac) -> logSum[i / steps] += Math.log(SpectralNorm.of(jac)));
        double g = 0;
        for (double s : logSum) g = Math.max(g, Math.exp(s / steps));
        return g;
    }
}
