package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.dataset.api.DataSet;

class GradientNormsTest {

    private static SequenceModel elman(int hidden, double scale, Precision p) {
        return SequenceModel.create(ModelSpec.of(new ElmanCell(2, hidden, ElmanCell.Activation.TANH, ElmanCell.RecurrentInit.GAUSSIAN, scale), 1)
                .withPrecision(p), 4);
    }

    @Test
    void profileIsTheMeanOfPerBatchNormsOnTheProbesBatches() {
        SequenceModel m = elman(8, 1.0, Precision.FLOAT64);
        LastStepSource source = new LastStepSource(12);
        LagProfile p = GradientNorms.byLag(m, source, new GradientProbe(2, 5, 77, Precision.FLOAT64));
        SplittableRandom rng = new SplittableRandom(77);
        double[] a = GradientNorms.byLag(m, source.next(5, rng), source.loss());
        double[] b = GradientNorms.byLag(m, source.next(5, rng), source.loss());
        assertEquals(12, p.length());
        for (int k = 0; k < 12; k++) assertEquals((a[k] + b[k]) / 2, p.norm(k), 1e-15 * a[k]);
        assertEquals(p.meanNorm()[3], GradientNorms.byLag(m, source, new GradientProbe(2, 5, 77, Precision.FLOAT64)).norm(3), 0.0, "seeded");
    }

    /** With one state unit, dL/dz_{T-1-k} = dL/dz_{T-1} * dz_{T-1}/dz_{T-1-k} exactly. */
    @Test
    void gradientIsTheLastGradientTimesTheJacobianProduct() {
        SequenceModel m = elman(1, 1.5, Precision.FLOAT64);
        LastStepSource source = new LastStepSource(30);
        DataSet data = source.next(1, new SplittableRandom(5));
        double[] g = GradientNorms.byLag(m, data, source.loss());
        double[] logJ = JacobianProducts.logNormFromEnd(TrajectoryJacobians.of(m, data, 0), 29, 1);
        for (int k = 0; k < 30; k++) assertEquals(Math.log(g[0]) + logJ[k], Math.log(g[k]), 1e-9, "lag " + k);
    }

    @Test
    void float64ProbeSeesGradientsFloat32FlushesToZero() {
        SequenceModel m = elman(16, 0.2, Precision.FLOAT32);
        LastStepSource source = new LastStepSource(80);
        LagProfile f32 = GradientNorms.byLag(m, source, new GradientProbe(1, 4, 1, null));
        LagProfile f64 = GradientNorms.byLag(m, source, new GradientProbe(1, 4, 1, Precision.FLOAT64));
        assertEquals(0.0, f32.norm(79), 0.0, "float32 flushes ~0.2^79 to zero");
        assertTrue(f64.norm(79) > 0 && f64.norm(79) < 1e-30, "float64: " + f64.norm(79));
        assertEquals(f64.norm(1), f32.norm(1), 1e-4 * f64.norm(1));
        assertTrue(f64.fit(1, 79).slope() < Math.log(0.2) + 0.3, f64.fit(1, 79).describe());
    }

    @Test
    void probeRefusesBadSizesByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GradientProbe(0, 4, 1, null));
        assertTrue(e.getMessage().contains("batches"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GradientProbe(1, 0, 1, null));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        assertArrayEquals(new double[] {1, 2}, new LagProfile(new double[] {1, 2}, 0, 1, 1).meanNorm());
    }
}
