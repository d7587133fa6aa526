package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;

/**
 * y = h W + b, W [features x outputSize], initialized U(-1/sqrt(F), 1/sqrt(F)) like PyTorch's
 * {@code nn.Linear}.
 */
@JsonTypeName("linear")
public record LinearReadout(int outputSize) implements Readout {

    private static final int W = 0;
    private static final int BIAS = 1;

    public LinearReadout {
        CellChecks.positive("outputSize", outputSize);
    }

    @Override
    public ParameterLayout parameterLayout(int featureSize) {
        return ParameterLayout.builder().matrixWithTranspose("W", featureSize, outputSize).vector("b", outputSize).build();
    }

    @Override
    public void initialize(Parameters w, int featureSize, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(featureSize);
        Initializers.uniform(w.get(W), -k, k, rng);
        Initializers.uniform(w.get(BIAS), -k, k, rng);
        w.refreshTransposes();
    }

    @Override
    public void forward(Parameters w, Mat features, Mat y) {
        y.zero();
        y.addRowBroadcast(w.get(BIAS));
        y.addMatMul(features, w.get(W));
    }

    @Override
    public void backward(Parameters w, Parameters grad, Mat features, Mat dy, Mat dFeatures) {
        grad.get(W).addTransAMatMul(features, dy);
        grad.get(BIAS).addColumnSums(dy);
        dFeatures.addMatMul(dy, w.transposed(W));
    }

    /** h = (y - b) pinv(W) on every feature unit. */
    @Override
    public ObservationInverse inverse(Parameters w, int featureSize) {
        return new PseudoInverseObservation(w.get(W), w.get(BIAS));
    }
}
