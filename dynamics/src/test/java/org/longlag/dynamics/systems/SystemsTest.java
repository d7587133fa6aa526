package org.longlag.dynamics.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.trajectory.GeneratedTrajectory;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;

/** Parameter validation, the registry, and basic behaviour of the built-in systems. */
class SystemsTest {

    @Test
    void registryBuildsEveryNamedSystem() {
        assertEquals(List.of("bursting", "lorenz63", "lorenz96", "roessler", "vanderpol"), OdeSystems.names());
        for (String name : OdeSystems.names()) {
            OdeSystem s = OdeSystems.create(name);
            assertEquals(name, s.name());
            assertEquals(s.dimension(), s.defaultInitialState().length);
        }
        assertInstanceOf(Lorenz63.class, OdeSystems.create("  Lorenz63 "));
    }

    @Test
    void unknownNameListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OdeSystems.create("lorenz84"));
        assertTrue(e.getMessage().contains("'lorenz84'"), e.getMessage());
        assertTrue(e.getMessage().contains("bursting, lorenz63, lorenz96, roessler, vanderpol"), e.getMessage());
    }

    @Test
    void badParametersNameTheFieldAndRange() {
        assertMessage(() -> new Lorenz63.Parameters(-1, 28, 8.0 / 3), "sigma", "> 0");
        assertMessage(() -> new Lorenz63.Parameters(10, Double.NaN, 8.0 / 3), "rho", "finite");
        assertMessage(() -> new Lorenz96.Parameters(3, 8), "n", ">= 4");
        assertMessage(() -> new Lorenz96.Parameters(5, Double.POSITIVE_INFINITY), "forcing", "finite");
        assertMessage(() -> new Roessler.Parameters(0.2, Double.NaN, 5.7), "b", "finite");
        assertMessage(() -> VanDerPol.withMu(-0.5), "mu", ">= 0");
        assertMessage(() -> BurstingNeuron.Parameters.defaults().withGNmda(-1), "gNmda", ">= 0");
    }

    private static void assertMessage(Runnable r, String field, String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        assertTrue(e.getMessage().contains(range), e.getMessage());
    }

    @Test
    void defaultStatesAreFreshCopies() {
        OdeSystem s = new Lorenz63();
        s.defaultInitialState()[0] = 99;
        assertEquals(1.0, s.defaultInitialState()[0]);
    }

    @Test
    void burstingNeuronHasTwoTimeScales() {
        // spikes a few ms apart, grouped in bursts ~150 ms apart (see BurstingNeuron Javadoc)
        GeneratedTrajectory g = TrajectoryGenerator.generate(new BurstingNeuron(),
                TrajectorySpec.of(0.05, 12_000).withTransient(500));
        double[] v = g.trajectory().column(0);
        java.util.ArrayList<Double> peaks = new java.util.ArrayList<>();
        for (int i = 1; i < v.length - 1; i++) {
            if (v[i] > v[i - 1] && v[i] >= v[i + 1]) {
                peaks.add(i * 0.05);
            }
        }
        double minGap = Double.POSITIVE_INFINITY;
        double maxGap = 0;
        for (int i = 1; i < peaks.size(); i++) {
            double gap = peaks.get(i) - peaks.get(i - 1);
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
        }
        assertTrue(peaks.size() > 20, "spikes: " + peaks.size());
        assertTrue(maxGap > 10 * minGap, "inter-burst gap " + maxGap + " vs inter-spike gap " + minGap);
    }
}
