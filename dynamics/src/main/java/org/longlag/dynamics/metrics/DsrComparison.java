package org.longlag.dynamics.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * The DSR metrics of a generated trajectory against the true one.
 *
 * @param dstsp          state-space divergence D_stsp, KL(true || generated) in nats (NaN if the
 *                       generated trajectory never enters the binned range)
 * @param dh             power-spectrum distance D_H, mean over dimensions, in [0, 1]
 * @param dstspMethod    which D_stsp estimate was used
 * @param dhPerDimension D_H of each dimension
 */
public record DsrComparison(double dstsp, double dh, StateSpaceMethod dstspMethod, double[] dhPerDimension) {

    public DsrComparison {
        if (dstspMethod == null || dhPerDimension == null) {
            throw new IllegalArgumentException("dstspMethod and dhPerDimension must not be null");
        }
        dhPerDimension = dhPerDimension.clone();
    }

    @Override
    public double[] dhPerDimension() {
        return dhPerDimension.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DsrComparison c && Double.compare(dstsp, c.dstsp) == 0 && Double.compare(dh, c.dh) == 0
                && dstspMethod == c.dstspMethod && Arrays.equals(dhPerDimension, c.dhPerDimension);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(dstsp) + Double.hashCode(dh)) + Arrays.hashCode(dhPerDimension);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "D_stsp = %.6g (%s), D_H = %.6g", dstsp,
                dstspMethod == StateSpaceMethod.BINNING ? "binning" : "Gaussian mixture", dh);
    }
}
