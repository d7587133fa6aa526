package org.longlag.dynamics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.systems.Lorenz63;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;

class StateSpaceDivergenceTest {

    static double[][] lorenz;
    static double[][] lorenzLater;

    @BeforeAll
    static void data() {
        TrajectorySpec spec = TrajectorySpec.of(0.01, 20_000).withTransient(20).withStandardization(true);
        lorenz = TrajectoryGenerator.generate(new Lorenz63(), spec).data();
        // the same attractor, another stretch of it
        lorenzLater = TrajectoryGenerator.generate(new Lorenz63(), spec.withTransient(400)).data();
    }

    private static double[][] map(double[][] x, double scale, double shift) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = x[t].clone();
            for (int j = 0; j < y[t].length; j++) {
                y[t][j] = scale * y[t][j] + shift;
            }
        }
        return y;
    }

    @Test
    void identicalSeriesGiveZero() {
        assertEquals(0.0, StateSpaceDivergence.binned(lorenz, lorenz), Tolerances.IDENTICAL_ZERO);
        assertEquals(0.0, StateSpaceDivergence.binned(lorenz, lorenz, 30, BinRange.TWO_SIGMA), Tolerances.IDENTICAL_ZERO);
        assertEquals(0.0, StateSpaceDivergence.gaussianMixture(lorenz, lorenz), Tolerances.IDENTICAL_ZERO);
    }

    @Test
    void shiftedOrRescaledAttractorsGiveClearlyLargerValues() {
        double same = StateSpaceDivergence.binned(lorenz, lorenzLater);
        double shifted = StateSpaceDivergence.binned(lorenz, map(lorenz, 1.0, 0.5));
        double scaled = StateSpaceDivergence.binned(lorenz, map(lorenz, 1.5, 0.0));
        assertTrue(same < Tolerances.DSTSP_SAME_ATTRACTOR, "same attractor: " + same);
        assertTrue(shifted > Tolerances.DSTSP_CLEARLY_LARGER, "shifted: " + shifted);
        assertTrue(scaled > Tolerances.DSTSP_CLEARLY_LARGER, "scaled: " + scaled);

        double gSame = StateSpaceDivergence.gaussianMixture(lorenz, lorenzLater);
        double gShifted = StateSpaceDivergence.gaussianMixture(lorenz, map(lorenz, 1.0, 1.5));
        assertTrue(Math.abs(gSame) < Tolerances.GMM_SAME_ATTRACTOR, "GMM same attractor: " + gSame);
        assertTrue(gShifted > Tolerances.GMM_CLEARLY_LARGER, "GMM shifted: " + gShifted);
    }

    @Test
    void sparseBinningEqualsADenseHistogram() {
        // independent route: dense bins^N histogram, bin found by scanning edges lo + i (hi - lo) / bins
        SplittableRandom r = new SplittableRandom(5);
        double[][] p = new double[400][2];
        double[][] q = new double[300][2];
        for (double[] row : p) {
            row[0] = r.nextGaussian();
            row[1] = r.nextGaussian() * 2;
        }
        for (double[] row : q) {
            row[0] = r.nextGaussian() + 0.3;
            row[1] = r.nextDouble() * 5 - 2;
        }
        for (BinRange range : BinRange.values()) {
            int bins = 7;
            double expected = denseKl(p, q, bins, range);
            assertEquals(expected, StateSpaceDivergence.binned(p, q, bins, range), Tolerances.SAME_FORMULA, range.name());
        }
    }

    private static double denseKl(double[][] p, double[][] q, int bins, BinRange range) {
        int dim = p[0].length;
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        for (int j = 0; j < dim; j++) {
            double mean = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (double[] row : p) {
                mean += row[j] / p.length;
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double ss = 0;
            for (double[] row : p) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(ss / (p.length - 1));
            lo[j] = range == BinRange.DATA_RANGE ? min - 0.1 * std : -2 * std;
            hi[j] = range == BinRange.DATA_RANGE ? max + 0.1 * std : 2 * std;
        }
        double[] hp = histogram(p, lo, hi, bins);
        double[] hq = histogram(q, lo, hi, bins);
        double sp = java.util.Arrays.stream(hp).sum();
        double sq = java.util.Arrays.stream(hq).sum();
        double a = StateSpaceDivergence.LAPLACE_ALPHA;
        double kl = 0;
        for (int b = 0; b < hp.length; b++) {
            double pb = (hp[b] + a) / (sp + a * hp.length);
            double qb = (hq[b] + a) / (sq + a * hq.length);
            kl += pb * Math.log(pb / qb);
        }
        return kl;
    }

    private static double[] histogram(double[][] x, double[] lo, double[] hi, int bins) {
        double[] h = new double[bins * bins];
        for (double[] row : x) {
            int[] idx = new int[2];
            boolean inside = true;
            for (int j = 0; j < 2; j++) {
                idx[j] = -1;
                for (int i = 0; i < bins; i++) {
                    double left = lo[j] + i * (hi[j] - lo[j]) / bins;
                    double right = lo[j] + (i + 1) * (hi[j] - lo[j]) / bins;
                    if (row[j] >= left && row[j] < right) {
                        idx[j] = i;
                    }
                }
                inside &= idx[j] >= 0;
            }
            if (inside) {
                h[idx[0] * bins + idx[1]]++;
            }
        }
        return h;
    }

    @Test
    void gaussianMixtureOfTwoPointsIsTheGaussianKl() {
        // mixtures collapse to N(a, s^2 I) and N(b, s^2 I): KL = |a - b|^2 / (2 s^2) (analytic)
        double[][] a = {{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
        double[][] b = {{1, 0, 0, 0, 0, 0}};
        double kl = StateSpaceDivergence.gaussianMixture(a, b, GaussianMixtureOptions.defaults(), new SplittableRandom(3));
        assertEquals(0.5, kl, Tolerances.GMM_MONTE_CARLO);
        double kl4 = StateSpaceDivergence.gaussianMixture(a, b, new GaussianMixtureOptions(0.25, 1000, 100),
                new SplittableRandom(3));
        assertEquals(2.0, kl4, 2 * Tolerances.GMM_MONTE_CARLO);
    }

    @Test
    void generatedOutsideTheBinsGivesNaNAsTheReference() {
        assertTrue(Double.isNaN(StateSpaceDivergence.binned(lorenz, map(lorenz, 1.0, 100.0))));
    }

    @Test
    void dimensionSelectsTheEstimate() {
        double[][] six = new double[200][6];
        SplittableRandom r = new SplittableRandom(1);
        for (double[] row : six) {
            for (int j = 0; j < 6; j++) {
                row[j] = r.nextGaussian();
            }
        }
        assertEquals(StateSpaceDivergence.gaussianMixture(six, map(six, 1, 0.3)), StateSpaceDivergence.of(six, map(six, 1, 0.3)));
        assertEquals(StateSpaceDivergence.binned(lorenz, lorenzLater), StateSpaceDivergence.of(lorenz, lorenzLater));
    }

    @Test
    void badInputsGiveClearErrors() {
        double[][] two = {{1, 2}, {3, 4}, {5, 7}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateSpaceDivergence.binned(lorenz, two));
        assertTrue(e.getMessage().contains("dimension mismatch: truth has 3 columns, generated has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StateSpaceDivergence.binned(two, new double[][] {{1, 2}, {Double.NaN, 1}}));
        assertTrue(e.getMessage().contains("generated[1][0]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StateSpaceDivergence.binned(new double[][] {{1, 2}}, two));
        assertTrue(e.getMessage().contains("truth is too short"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StateSpaceDivergence.binned(new double[][] {{1, 2}, {1, 3}}, two));
        assertTrue(e.getMessage().contains("truth column 0 is constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StateSpaceDivergence.gaussianMixture(two, new double[][] {{1, 2}, {3, 4, 5}},
                        GaussianMixtureOptions.defaults(), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureOptions(0, 10, 10));
        assertTrue(e.getMessage().startsWith("variance"), e.getMessage());
    }

    @Test
    void occupiedBinsCountsTheTrueDataBinsAndGrowsToOneBinPerPointWithTooManyBins() {
        double[][] x = new double[400][2];
        SplittableRandom r = new SplittableRandom(4);
        for (double[] row : x) {
            row[0] = r.nextGaussian();
            row[1] = r.nextGaussian();
        }
        int few = StateSpaceDivergence.occupiedBins(x, 3, BinRange.DATA_RANGE);
        assertTrue(few >= 1 && few <= 9, "at most 3 x 3 bins: " + few);
        assertEquals(400, StateSpaceDivergence.occupiedBins(x, 100_000, BinRange.DATA_RANGE), "every point alone");
        assertThrows(IllegalArgumentException.class, () -> StateSpaceDivergence.occupiedBins(x, 0, BinRange.DATA_RANGE));
    }
}
