package org.longlag.models.autonomous;

import org.longlag.dynamics.metrics.ObservationModel;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.State;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.tensor.Mat;

/**
 * How an {@link AutonomousMap}'s state relates to observations, for {@code dynamics}'
 * {@code PredictionError}: a start from an observation as {@link FreeRun#start} defines it, and
 * the readout as the observation of a state.
 */
public final class AutonomousObservation implements ObservationModel {

    private final FreeRun run;
    private final State state;
    private final Mat y;

    private AutonomousObservation(FreeRun run) {
        this.run = run;
        this.state = State.zeros(run.model().spec().cell().stateParts(), 1, Precision.FLOAT64);
        this.y = Precision.FLOAT64.zeros(1, run.observationSize());
    }

    public static AutonomousObservation of(SequenceModel model) {
        return new AutonomousObservation(FreeRun.of(model));
    }

    @Override
    public int observationDimension() {
        return run.observationSize();
    }

    @Override
    public int stateDimension() {
        return run.stateSize();
    }

    @Override
    public void initialState(double[] x, double[] z) {
        System.arraycopy(run.start(x), 0, z, 0, run.stateSize());
    }

    @Override
    public void observe(double[] z, double[] x) {
        state.setRow(0, z);
        run.observe(state, y);
        for (int j = 0; j < x.length; j++) x[j] = y.get(0, j);
    }
}
