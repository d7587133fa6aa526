package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.tensor.Mat;

/**
 * y = z[:, :N], the identity observation model of the PLRNN dynamical-system work: the first N
 * latent units are the observations. No parameters.
 */
@JsonTypeName("identity")
public record IdentityReadout(int outputSize) implements Readout {

    public IdentityReadout {
        CellChecks.positive("outputSize", outputSize);
    }

    @Override
    public void validate(int featureSize) {
        if (outputSize > featureSize) {
            throw new IllegalArgumentException("identity readout of " + outputSize + " units needs at least that many latent units, the cell has " + featureSize);
        }
    }

    @Override
    public ParameterLayout parameterLayout(int featureSize) {
        return ParameterLayout.empty();
    }

    @Override
    public void initialize(Parameters w, int featureSize, SplittableRandom rng) {
    }

    @Override
    public void forward(Parameters w, Mat features, Mat y) {
        y.set(features.columns(0, outputSize));
    }

    @Override
    public void backward(Parameters w, Parameters grad, Mat features, Mat dy, Mat dFeatures) {
        dFeatures.columns(0, outputSize).addScaled(dy, 1.0);
    }

    /** The first N units are the observation; the others are left alone (partial forcing). */
    @Override
    public ObservationInverse inverse(Parameters w, int featureSize) {
        validate(featureSize);
        return new ObservationInverse() {
            @Override
            public int units() {
                return outputSize;
            }

            @Override
            public int observationSize() {
                return outputSize;
            }

            @Override
            public void infer(double[] y, double[] out) {
                System.arraycopy(y, 0, out, 0, outputSize);
            }
        };
    }
}
