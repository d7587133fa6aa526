package org.longlag.dynamics.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.HarmonicOscillator;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.internal.Series;
import org.longlag.dynamics.systems.Lorenz63;

class TrajectoryGeneratorTest {

    @Test
    void transientIsCutAndSamplesAreDtApart() {
        HarmonicOscillator osc = new HarmonicOscillator(1.0);
        GeneratedTrajectory g = TrajectoryGenerator.generate(osc,
                TrajectorySpec.of(0.1, 50).withTransient(2.0).withInitialState(new double[] {1, 0}));
        Trajectory t = g.trajectory();
        assertEquals(50, t.length());
        assertEquals(2, t.dimension());
        assertEquals(0.1, t.dt());
        for (int k = 0; k < 50; k++) {
            assertEquals(Math.cos(2.0 + 0.1 * k), t.value(k, 0), 1e-8, "sample " + k);
        }
        assertArrayEquals(t.row(49), g.finalState(), 0.0);
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        TrajectorySpec spec = TrajectorySpec.of(0.01, 500).withNoise(0.1);
        double[][] a = TrajectoryGenerator.generate(new Lorenz63(), spec, new SplittableRandom(1)).data();
        double[][] b = TrajectoryGenerator.generate(new Lorenz63(), spec, new SplittableRandom(1)).data();
        double[][] c = TrajectoryGenerator.generate(new Lorenz63(), spec, new SplittableRandom(2)).data();
        assertArrayEquals(a, b);
        assertNotEquals(a[10][0], c[10][0]);
    }

    @Test
    void noiseStdIsRelativeToEachDimension() {
        TrajectorySpec clean = TrajectorySpec.of(0.01, 20_000).withTransient(10);
        double[][] x = TrajectoryGenerator.generate(new Lorenz63(), clean).data();
        double[][] y = TrajectoryGenerator.generate(new Lorenz63(), clean.withNoise(0.2), new SplittableRandom(3)).data();
        double[] std = Series.stds(x);
        double[][] diff = new double[x.length][3];
        for (int t = 0; t < x.length; t++) {
            for (int j = 0; j < 3; j++) {
                diff[t][j] = y[t][j] - x[t][j];
            }
        }
        double[] noiseStd = Series.stds(diff);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.2 * std[j], noiseStd[j], Tolerances.NOISE_STD_RELATIVE * 0.2 * std[j], "dimension " + j);
        }
    }

    @Test
    void standardizationIsAppliedAndReturned() {
        TrajectorySpec spec = TrajectorySpec.of(0.01, 3000).withTransient(5).withStandardization(true);
        GeneratedTrajectory g = TrajectoryGenerator.generate(new Lorenz63(), spec);
        double[][] z = g.data();
        double[] m = Series.means(z);
        double[] s = Series.stds(z);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, m[j], 1e-12);
            assertEquals(1.0, s[j], 1e-12);
        }
        double[][] raw = TrajectoryGenerator.generate(new Lorenz63(), spec.withStandardization(false)).data();
        double[][] back = g.standardization().invert(z);
        for (int t = 0; t < raw.length; t += 97) {
            assertArrayEquals(raw[t], back[t], 1e-9);
        }
        assertTrue(g.standardization().stds()[2] > 1, "Lorenz z has std ~8");
    }

    @Test
    void noiseWithoutRandomSourceIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryGenerator.generate(new Lorenz63(), TrajectorySpec.of(0.01, 10).withNoise(0.1)));
        assertTrue(e.getMessage().contains("random"), e.getMessage());
    }

    @Test
    void specValidatesItsFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrajectorySpec.of(0.0, 10));
        assertTrue(e.getMessage().startsWith("dt "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrajectorySpec.of(0.1, 1));
        assertTrue(e.getMessage().startsWith("samples "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrajectorySpec.of(0.1, 10).withNoise(-0.1));
        assertTrue(e.getMessage().startsWith("noiseLevel "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryGenerator.generate(new Lorenz63(), TrajectorySpec.of(0.1, 10).withInitialState(new double[] {1})));
        assertTrue(e.getMessage().contains("initialState"), e.getMessage());
    }

    @Test
    void trajectoryRejectsBadDataAndCopies() {
        double[][] data = {{1, 2}, {3, 4}};
        Trajectory t = Trajectory.of(data);
        data[0][0] = 99;
        assertEquals(1, t.value(0, 0));
        t.toArray()[0][0] = 99;
        assertEquals(1, t.value(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trajectory.of(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertTrue(e.getMessage().contains("[1][1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trajectory.of(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    }
}
