package org.longlag.models.cell.ntm;

import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.cell.StepTape;
import org.longlag.models.tensor.Mat;

/**
 * The feed-forward NTM controller, h_t = tanh(u_t Wu + b), written as a {@link Cell} whose one
 * state part is h_t so that {@link NtmCell} drives it exactly like the LSTM controller. It has no
 * recurrence of its own: h_{t-1} is ignored, and all memory of the past goes through the NTM's
 * memory and read vectors (Graves et al. 2014, Sec. 4, the "feedforward controller").
 *
 * <p>Internal to the NTM: not registered for JSON, since an {@link NtmCell} derives it from its own
 * configuration.
 *
 * @param inputSize  width of u_t = [x_t, r_{t-1}]
 * @param hiddenSize width of h_t
 */
record FeedForwardController(int inputSize, int hiddenSize) implements Cell {

    static final int WU = 0;
    static final int BIAS = 1;

    FeedForwardController {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("hiddenSize", hiddenSize);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("h", hiddenSize));
    }

    @Override
    public ParameterLayout parameterLayout() {
        return ParameterLayout.builder()
                .matrixWithTranspose("Wu", inputSize, hiddenSize)
                .vector("b", hiddenSize)
                .build();
    }

    /** U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and bias, as PyTorch's {@code nn.Linear}. */
    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(inputSize);
        Initializers.uniform(w.get(WU), -k, k, rng);
        Initializers.uniform(w.get(BIAS), -k, k, rng);
        w.refreshTransposes();
    }

    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return Nothing.INSTANCE; // tanh' is a function of h_t, which the tape keeps
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new Work(precision.zeros(batch, hiddenSize));
    }

    private record Work(Mat dA) implements Scratch {
    }

    /** h_t = tanh(u_t Wu + b) */
    @Override
    public void forward(Parameters w, StepTape tape) {
        Mat h = tape.next().part(0);
        h.zero();
        h.addRowBroadcast(w.get(BIAS));
        h.addMatMul(tape.x(), w.get(WU));
        h.setTanh(h);
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat du) {
        Mat dA = ((Work) scratch).dA();
        dA.set(dNext.part(0));
        dA.multiplyTanhDerivative(tape.next().part(0));
        dA.flushDenormals();
        dPrev.part(0).zero();
        if (du != null) {
            du.zero();
            du.addMatMul(dA, w.transposed(WU));
        }
        grad.get(WU).addTransAMatMul(tape.x(), dA);
        grad.get(BIAS).addColumnSums(dA);
    }
}
