package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;

class StabilityListenerTest {

    private static final StabilityProbe PROBE = new StabilityProbe(new GradientProbe(1, 4, 3, Precision.FLOAT64), 1, 0,
            new int[] {5, 50}, 2, 1, new MapLyapunovOptions(20, 100, 1, 1, 1.0));

    @Test
    void measuresAtInitializationAndAtTheCheckpointsOnTheSameData() {
        SequenceModel m = SequenceModel.create(ModelSpec.of(ElmanCell.tanh(2, 6), 1), 1);
        LastStepSource source = new LastStepSource(20);
        List<StabilitySnapshot> streamed = new ArrayList<>();
        StabilityListener l = new StabilityListener(PROBE, source, new int[] {4, 0, 2}, streamed::add);
        try (Trainer t = new Trainer(m, TrainingConfig.defaults(5, 1).withThreads(1).withBatchSize(4))) {
            t.fit(source, l);
        }
        List<StabilitySnapshot> s = l.snapshots();
        assertEquals(List.of(0, 2, 4), s.stream().map(StabilitySnapshot::step).toList());
        assertEquals(s, streamed);
        StabilitySnapshot first = s.get(0);
        assertEquals(20, first.gradients().length());
        assertEquals(20, first.jacobianLogNorm().length);
        assertEquals(1, first.windows().size(), "the 50-step window is longer than the sequence");
        assertEquals(2, first.windows().get(0).meanLogSingular().length);
        assertTrue(Double.isFinite(first.lyapunovMax()), first.summary());
        assertTrue(first.summary().startsWith("step 0: gradient norm "), first.summary());
        assertNotEquals(first.gradients().norm(5), s.get(2).gradients().norm(5), "training changed the model");
    }

    @Test
    void atInitializationAloneNeedsNoTraining() {
        SequenceModel m = SequenceModel.create(ModelSpec.of(ElmanCell.tanh(2, 6), 1), 1);
        StabilitySnapshot a = PROBE.measure(m, new LastStepSource(20), 0), b = PROBE.measure(m, new LastStepSource(20), 0);
        assertEquals(a.gradientFit(), b.gradientFit(), "same probe data, same numbers");
        assertEquals(a.lyapunovMax(), b.lyapunovMax(), 0.0);
    }

    @Test
    void jacobiansTooLargeForMemoryAreRefusedWithAdvice() {
        ElmanCell cell = ElmanCell.tanh(2, 200);
        org.longlag.models.cell.Parameters w = org.longlag.models.cell.Parameters.zeros(cell.parameterLayout(), Precision.FLOAT64, true);
        int steps = (int) (TrajectoryJacobians.MAX_ELEMENTS / (200 * 200)) + 1;
        var e = assertThrows(IllegalArgumentException.class, () -> TrajectoryJacobians.of(cell, w, new double[200], new double[steps][]));
        assertTrue(e.getMessage().contains("--norm-stride 0"), e.getMessage());
    }

    @Test
    void badCheckpointsAndSettingsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StabilityListener(PROBE, new LastStepSource(3), new int[] {-1}, null));
        assertTrue(e.getMessage().contains("checkpoints"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StabilityProbe(GradientProbe.defaults(1), 5, 3, null, 1, 1, null));
        assertTrue(e.getMessage().contains("fitToLag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StabilityProbe(GradientProbe.defaults(1), 0, 0, new int[] {0}, 1, 1, null));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }
}
