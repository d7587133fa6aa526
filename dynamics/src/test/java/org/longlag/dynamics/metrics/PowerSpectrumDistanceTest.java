package org.longlag.dynamics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.systems.Lorenz63;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;

class PowerSpectrumDistanceTest {

    private static double[][] sines(int n, double cyclesPerSample, double phase) {
        double[][] x = new double[n][2];
        for (int t = 0; t < n; t++) {
            x[t][0] = Math.sin(2 * Math.PI * cyclesPerSample * t + phase);
            x[t][1] = Math.cos(2 * Math.PI * 2 * cyclesPerSample * t + phase) + 0.3 * Math.sin(0.1 * t);
        }
        return x;
    }

    @Test
    void hellingerDistanceOfKnownDistributions() {
        // H^2 = 1 - sum sqrt(p q) (analytic): disjoint -> 1; (1/2, 1/2) vs (1, 0) -> sqrt(1 - sqrt(1/2))
        assertEquals(1.0, PowerSpectrumDistance.hellingerDistance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        assertEquals(Math.sqrt(1 - Math.sqrt(0.5)),
                PowerSpectrumDistance.hellingerDistance(new double[] {0.5, 0.5}, new double[] {1, 0}), 1e-15);
    }

    @Test
    void spectrumOfAPureToneIsADelta() {
        int n = 1000;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 3 + 2 * Math.sin(2 * Math.PI * 37 * t / n);
        }
        double[] ps = PowerSpectrumDistance.normalizedSpectrum(x, 0.0);
        assertEquals(501, ps.length);
        assertEquals(1.0, ps[37], 1e-12);
    }

    @Test
    void identicalSeriesGiveZeroAndPhaseDoesNotMatter() {
        double[][] x = sines(2048, 0.01, 0.0);
        assertEquals(0.0, PowerSpectrumDistance.hellinger(x, x), 0.0);
        // whole numbers of cycles in the window: |X_k| does not depend on the phase
        double[][] a = new double[2000][2];
        double[][] b = new double[2000][2];
        for (int t = 0; t < 2000; t++) {
            a[t][0] = Math.sin(2 * Math.PI * 20 * t / 2000.0);
            b[t][0] = Math.sin(2 * Math.PI * 20 * t / 2000.0 + 1.0);
            a[t][1] = Math.sin(2 * Math.PI * 7 * t / 2000.0) + 0.5 * Math.cos(2 * Math.PI * 90 * t / 2000.0);
            b[t][1] = Math.sin(2 * Math.PI * 7 * t / 2000.0 + 2.0) + 0.5 * Math.cos(2 * Math.PI * 90 * t / 2000.0 - 1.0);
        }
        assertEquals(0.0, PowerSpectrumDistance.hellinger(a, b), 1e-6);
    }

    @Test
    void valueShiftAndScaleDoNotChangeDhButTimeScaleDoes() {
        TrajectorySpec spec = TrajectorySpec.of(0.01, 8192).withTransient(20);
        double[][] truth = TrajectoryGenerator.generate(new Lorenz63(), spec).data();
        double[][] scaled = new double[truth.length][3];
        for (int t = 0; t < truth.length; t++) {
            for (int j = 0; j < 3; j++) {
                scaled[t][j] = 2 * truth[t][j] + 5;
            }
        }
        assertEquals(0.0, PowerSpectrumDistance.hellinger(truth, scaled), 1e-9, "z-scoring removes value scale");
        double[][] otherStretch = TrajectoryGenerator.generate(new Lorenz63(), spec.withTransient(30)).data();
        // sampled every 0.02: per sample, the system runs twice as fast
        double[][] timeRescaled = TrajectoryGenerator.generate(new Lorenz63(),
                TrajectorySpec.of(0.02, 8192).withTransient(20)).data();
        double same = PowerSpectrumDistance.hellinger(truth, otherStretch);
        double changed = PowerSpectrumDistance.hellinger(truth, timeRescaled);
        assertTrue(same < Tolerances.DH_CLEARLY_LARGER, "same system, other stretch: " + same);
        assertTrue(changed > Tolerances.DH_CLEARLY_LARGER && changed > 2 * same, "time-rescaled: " + changed);
    }

    @Test
    void differentLengthsAreCutToTheShorter() {
        double[][] a = sines(3000, 0.013, 0.0);
        double[][] b = java.util.Arrays.copyOf(a, 2500);
        assertEquals(0.0, PowerSpectrumDistance.hellinger(java.util.Arrays.copyOf(a, 2500), b), 0.0);
        assertEquals(PowerSpectrumDistance.hellinger(b, b), PowerSpectrumDistance.hellinger(a, b), 0.0);
    }

    @Test
    void badInputsGiveClearErrors() {
        double[][] x = sines(100, 0.05, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PowerSpectrumDistance.hellinger(x, new double[][] {{1}, {2}, {3}, {4}, {5}}));
        assertTrue(e.getMessage().contains("dimension mismatch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerSpectrumDistance.hellinger(x, java.util.Arrays.copyOf(x, 3)));
        assertTrue(e.getMessage().contains("generated is too short: 3 time steps, at least 4"), e.getMessage());
        double[][] withInf = sines(100, 0.05, 0);
        withInf[50][1] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> PowerSpectrumDistance.hellinger(withInf, x));
        assertTrue(e.getMessage().contains("truth[50][1]"), e.getMessage());
        double[][] constant = new double[100][2];
        e = assertThrows(IllegalArgumentException.class, () -> PowerSpectrumDistance.hellinger(x, constant));
        assertTrue(e.getMessage().contains("generated column 0") && e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PowerSpectrumDistance.hellinger(x, x, -1));
        assertTrue(e.getMessage().startsWith("sigma"), e.getMessage());
    }
}
