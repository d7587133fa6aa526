package org.longlag.dynamics.maps;

import org.longlag.dynamics.DiscreteMap;
import org.longlag.dynamics.internal.Checks;

/** Free-running iteration of a {@link DiscreteMap}, e.g. to generate a trajectory from a trained model. */
public final class Orbit {

    private Orbit() {
    }

    /**
     * z_0 = {@code z0}, z_{t+1} = F(z_t) for t &lt; length - 1.
     *
     * @return {@code [length][dimension]}, the first row a copy of z0
     * @throws IllegalStateException if the orbit becomes non-finite (the message gives the step)
     */
    public static double[][] iterate(DiscreteMap map, double[] z0, int length) {
        if (map == null) {
            throw new IllegalArgumentException("map must not be null");
        }
        Checks.finiteVector("z0", z0, map.dimension());
        Checks.atLeast("length", length, 1);
        double[][] out = new double[length][];
        out[0] = z0.clone();
        for (int t = 1; t < length; t++) {
            out[t] = new double[z0.length];
            map.step(out[t - 1], out[t]);
            for (double v : out[t]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("orbit became non-finite at step " + t);
                }
            }
        }
        return out;
    }
}
