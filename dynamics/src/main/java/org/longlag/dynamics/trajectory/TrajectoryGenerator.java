package org.longlag.dynamics.trajectory;

import java.util.SplittableRandom;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * Simulates DSR data sets from an {@link OdeSystem}: integrate from the initial state through the
 * transient, keep {@code samples} states {@code dt} apart, add observation noise (relative to each
 * dimension's std, from an explicit random source), then optionally z-score.
 *
 * <pre>{@code
 * GeneratedTrajectory data = TrajectoryGenerator.generate(new Lorenz63(),
 *         TrajectorySpec.of(0.01, 10_000).withTransient(50).withNoise(0.05).withStandardization(true),
 *         new SplittableRandom(42));
 * }</pre>
 */
public final class TrajectoryGenerator {

    private TrajectoryGenerator() {
    }

    /**
     * Generates a noise-free trajectory.
     *
     * @throws IllegalArgumentException if the spec asks for noise (noise needs an explicit random
     *                                  source: use {@link #generate(OdeSystem, TrajectorySpec, SplittableRandom)})
     */
    public static GeneratedTrajectory generate(OdeSystem system, TrajectorySpec spec) {
        if (spec != null && spec.noiseLevel() > 0) {
            throw new IllegalArgumentException("noiseLevel " + spec.noiseLevel()
                    + " > 0 needs a random source: call generate(system, spec, random)");
        }
        return generate(system, spec, null);
    }

    /**
     * Generates a trajectory; {@code random} supplies the observation noise and may be null only
     * when the spec has no noise.
     *
     * @throws IllegalStateException if integration fails or diverges
     */
    public static GeneratedTrajectory generate(OdeSystem system, TrajectorySpec spec, SplittableRandom random) {
        if (system == null || spec == null) {
            throw new IllegalArgumentException("system and spec must not be null");
        }
        double[] x0 = spec.initialState() != null ? spec.initialState() : system.defaultInitialState();
        Checks.finiteVector("initialState", x0, system.dimension());
        if (spec.noiseLevel() > 0 && random == null) {
            throw new IllegalArgumentException("noiseLevel " + spec.noiseLevel() + " > 0 needs a random source");
        }

        double[] start = OdeIntegration.integrate(system, spec.integrator(), x0, spec.transientTime());
        double[][] data = OdeIntegration.sample(system, spec.integrator(), start, spec.dt(), spec.samples());
        double[] finalState = data[data.length - 1].clone();

        if (spec.noiseLevel() > 0) {
            data = ObservationNoise.addRelative(data, spec.noiseLevel(), random);
        }
        Standardization standardization = Standardization.identity(system.dimension());
        if (spec.standardize()) {
            standardization = Standardization.fit(data);
            data = standardization.apply(data);
        }
        return new GeneratedTrajectory(new Trajectory(data, spec.dt(), java.util.List.of()), standardization,
                finalState);
    }
}
