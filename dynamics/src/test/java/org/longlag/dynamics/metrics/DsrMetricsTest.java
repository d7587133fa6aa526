package org.longlag.dynamics.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.systems.Lorenz63;
import org.longlag.dynamics.systems.Lorenz96;
import org.longlag.dynamics.systems.Roessler;
import org.longlag.dynamics.trajectory.Trajectory;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;

class DsrMetricsTest {

    private static final TrajectorySpec SPEC = TrajectorySpec.of(0.01, 10_000).withTransient(20).withStandardization(true);

    @Test
    void identicalTrajectoriesScoreZero() {
        double[][] truth = TrajectoryGenerator.generate(new Lorenz63(), SPEC).data();
        DsrComparison c = DsrMetrics.compare(truth, truth);
        assertEquals(0.0, c.dstsp(), Tolerances.IDENTICAL_ZERO);
        assertEquals(0.0, c.dh(), 0.0);
        assertEquals(StateSpaceMethod.BINNING, c.dstspMethod());
        assertArrayEquals(new double[3], c.dhPerDimension(), 0.0);
        assertEquals(c, DsrMetrics.compare(Trajectory.of(truth), Trajectory.of(truth)));
    }

    @Test
    void anotherSystemScoresClearlyWorse() {
        double[][] truth = TrajectoryGenerator.generate(new Lorenz63(), SPEC).data();
        double[][] other = TrajectoryGenerator.generate(new Roessler(), SPEC.withTransient(100)).data();
        DsrComparison c = DsrMetrics.compare(truth, other);
        assertTrue(c.dstsp() > Tolerances.DSTSP_CLEARLY_LARGER, c.toString());
        assertTrue(c.dh() > Tolerances.DH_CLEARLY_LARGER, c.toString());
    }

    @Test
    void highDimensionsUseTheGaussianMixture() {
        double[][] truth = TrajectoryGenerator.generate(new Lorenz96(new Lorenz96.Parameters(6, 8.0)),
                TrajectorySpec.of(0.05, 2000).withTransient(20).withStandardization(true)).data();
        DsrComparison c = DsrMetrics.compare(truth, truth);
        assertEquals(StateSpaceMethod.GAUSSIAN_MIXTURE, c.dstspMethod());
        assertEquals(0.0, c.dstsp(), Tolerances.IDENTICAL_ZERO);
        DsrComparison binnedAnyway = DsrMetrics.compare(truth, truth,
                DsrMetricOptions.defaults().withGaussianMixtureFromDimension(7).withBins(4));
        assertEquals(StateSpaceMethod.BINNING, binnedAnyway.dstspMethod());
    }

    @Test
    void rawDataCanBeComparedOnTheTruthScale() {
        TrajectorySpec raw = SPEC.withStandardization(false);
        double[][] truth = TrajectoryGenerator.generate(new Lorenz63(), raw).data();
        double[][] other = TrajectoryGenerator.generate(new Lorenz63(), raw.withTransient(50)).data();
        org.longlag.dynamics.trajectory.Standardization s = org.longlag.dynamics.trajectory.Standardization.fit(truth);
        assertEquals(DsrMetrics.compare(s.apply(truth), s.apply(other)),
                DsrMetrics.compareOnTruthScale(truth, other, DsrMetricOptions.defaults()));
        assertEquals(0.0, DsrMetrics.compareOnTruthScale(truth, truth, DsrMetricOptions.defaults()).dstsp(),
                Tolerances.IDENTICAL_ZERO);
    }

    @Test
    void mismatchedDimensionsAreAnError() {
        double[][] truth = TrajectoryGenerator.generate(new Lorenz63(), SPEC).data();
        double[][] two = new double[100][2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DsrMetrics.compare(truth, two));
        assertEquals("dimension mismatch: truth has 3 columns, generated has 2", e.getMessage());
    }
}
