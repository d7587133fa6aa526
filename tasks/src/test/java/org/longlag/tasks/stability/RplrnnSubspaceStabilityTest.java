package org.longlag.tasks.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.diagnostics.JacobianProducts;
import org.longlag.models.diagnostics.StabilityListener;
import org.longlag.models.diagnostics.StabilityProbe;
import org.longlag.models.diagnostics.StabilitySnapshot;
import org.longlag.models.diagnostics.TrajectoryJacobians;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.memory.AdditionTask;

/**
 * The rPLRNN's regularized units (Schmidt et al., ICLR 2021) start as a line attractor, A_ii = 1 and
 * W_i. = 0, so the block of dz_T/dz_t between them is exactly the identity at any window length;
 * the regularizer holds them near it in training, and the gradient neither vanishes nor explodes
 * with lag. The plain PLRNN (same size, random start, no regularizer) loses its gradient
 * exponentially. M = 16 latent units, p = 8 regularized (the kinds' default fraction 0.5).
 */
class RplrnnSubspaceStabilityTest {

    private static final int M = 16;
    private static final int P = 8;
    private static final int WINDOW = 200;
    private static final AdditionTask PROBE_TASK = AdditionTask.of(WINDOW);

    private static SequenceModel model(String kind) {
        return SequenceModel.create(ModelCatalog.discover().build(kind, PROBE_TASK.shape(), Map.of("hidden", M)), 5);
    }

    /** dz_T/dz_{T-200} along one probe sequence. */
    private static double[][] product(SequenceModel m) {
        TrajectoryJacobians tj = TrajectoryJacobians.of(m, PROBE_TASK.next(1, new SplittableRandom(3)), 0);
        return JacobianProducts.product(tj, tj.steps() - WINDOW, tj.steps());
    }

    private static double[][] block(double[][] a, int from, int to) {
        double[][] b = new double[to - from][to - from];
        for (int i = from; i < to; i++) {
            for (int j = from; j < to; j++) b[i - from][j - from] = a[i][j];
        }
        return b;
    }

    private static double spectralNorm(double[][] a) {
        return Math.exp(JacobianProducts.logSingularValues(a, 1)[0]);
    }

    @Test
    void regularizedBlockIsExactlyIdentityAtInitialization() {
        double[][] reg = block(product(model("rplrnn")), 0, P);
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) assertEquals(i == j ? 1.0 : 0.0, reg[i][j], 1e-12, "dz_T/dz_T-200 [" + i + "][" + j + "]");
        }
    }

    @Test
    void regularizedUnitsKeepTheGradientThroughTrainingAndPlainUnitsLoseIt() {
        AdditionTask train = AdditionTask.of(40);
        StabilityProbe probe = new StabilityProbe(StabilityFixtures.probe(), 1, 0, new int[0], 1, 10, null);
        TrainingConfig config = TrainingConfig.defaults(150, 7).withBatchSize(16).withThreads(2).withOptimizer(Optimizer.adam(1e-3));
        SequenceModel r = model("rplrnn"), plain = model("plrnn");
        List<StabilitySnapshot> rs = train(r, train, probe, config), ps = train(plain, train, probe, config);
        for (StabilitySnapshot s : rs) {
            assertTrue(Math.abs(s.gradientFit().slope()) < 0.01, "rPLRNN " + s.summary());
        }
        StabilitySnapshot plainTrained = ps.get(1);
        assertTrue(plainTrained.gradientFit().slope() < -0.3, "PLRNN " + plainTrained.summary());

        double[][] pr = product(r);
        double regNorm = spectralNorm(block(pr, 0, P)), freeNorm = spectralNorm(block(pr, P, M));
        assertTrue(regNorm > 0.5 && regNorm < 2, "rPLRNN after training: ||regularized block of dz_T/dz_T-200||_2 = " + regNorm);
        assertTrue(freeNorm < 1e-2, "rPLRNN after training: ||free block||_2 = " + freeNorm);
        double plainNorm = spectralNorm(block(product(plain), 0, P));
        assertTrue(plainNorm < 1e-6, "PLRNN after training: ||block of units 0..7||_2 = " + plainNorm);
    }

    private static List<StabilitySnapshot> train(SequenceModel m, AdditionTask task, StabilityProbe probe, TrainingConfig config) {
        StabilityListener l = new StabilityListener(probe, PROBE_TASK, new int[] {0, config.steps()}, null);
        try (Trainer t = new Trainer(m, config)) {
            t.fit(task, l);
        }
        assertEquals(2, l.snapshots().size());
        assertEquals(0, l.snapshots().get(0).step());
        assertEquals(config.steps(), l.snapshots().get(1).step());
        return l.snapshots();
    }
}
