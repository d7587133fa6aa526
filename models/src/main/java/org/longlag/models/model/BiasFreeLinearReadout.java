package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;

/**
 * y = B z without a bias, B ~ N(0, 1/F) (standard deviation 1/sqrt(F), F features): the PLRNN's
 * observation model as in the reg-PLRNN reference ({@code benchmark_run/gdplrnn/model.py}:
 * {@code nn.Linear(hidden_size, output_size, bias=False)}, B drawn
 * {@code normal(0, 1/sqrt(d_hidden))}). Stored as B^T [features x outputSize].
 */
@JsonTypeName("linear-no-bias")
public record BiasFreeLinearReadout(int outputSize) implements Readout {

    private static final int B = 0;

    public BiasFreeLinearReadout {
        CellChecks.positive("outputSize", outputSize);
    }

    @Override
    public ParameterLayout parameterLayout(int featureSize) {
        return ParameterLayout.builder().matrixWithTranspose("B", featureSize, outputSize).build();
    }

    @Override
    public void initialize(Parameters w, int featureSize, SplittableRandom rng) {
        Initializers.gaussian(w.get(B), 1.0 / Math.sqrt(featureSize), rng);
        w.refreshTransposes();
    }

    @Override
    public void forward(Parameters w, Mat features, Mat y) {
        y.zero();
        y.addMatMul(features, w.get(B));
    }

    @Override
    public void backward(Parameters w, Parameters grad, Mat features, Mat dy, Mat dFeatures) {
        grad.get(B).addTransAMatMul(features, dy);
        dFeatures.addMatMul(dy, w.transposed(B));
    }

    /** h = y pinv(B^T) on every feature unit. */
    @Override
    public ObservationInverse inverse(Parameters w, int featureSize) {
        return new PseudoInverseObservation(w.get(B), null);
    }
}
