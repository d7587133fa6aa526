package org.longlag.tasks.dsr;

import org.longlag.models.cell.CellChecks;
import org.longlag.models.forcing.Forcing;

/**
 * How a reconstruction trains and is evaluated, apart from its data.
 *
 * @param sequenceLength     steps per training window (each window has one more point: its start)
 * @param forcing            teacher forcing during training
 * @param observation        the observation model
 * @param predictionSteps    horizon n of the n-step prediction error (reference {@code PE_n} = 20)
 * @param transientFraction  free-run transient dropped before the metrics, as a fraction of the test
 *                           length (the reference generates 1.25 T points and drops the first 0.25 T)
 * @param solvedDstsp        D_stsp below which (with D_H below {@code solvedDh}) a reconstruction counts as solved
 * @param solvedDh           D_H threshold of the same criterion
 */
public record ReconstructionConfig(int sequenceLength, Forcing forcing, Observation observation, int predictionSteps,
                                   double transientFraction, double solvedDstsp, double solvedDh) {

    public ReconstructionConfig {
        CellChecks.positive("sequenceLength", sequenceLength);
        CellChecks.notNull("forcing", forcing);
        CellChecks.notNull("observation", observation);
        CellChecks.positive("predictionSteps", predictionSteps);
        CellChecks.inRange("transientFraction", transientFraction, 0, 10);
        CellChecks.positive("solvedDstsp", solvedDstsp);
        CellChecks.positive("solvedDh", solvedDh);
    }
}
