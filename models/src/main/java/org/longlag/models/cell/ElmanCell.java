package org.longlag.models.cell;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * Elman's simple recurrent network, h_t = phi(x_t Wx + h_{t-1} Wh + b), with phi = tanh or ReLU.
 *
 * <p>{@link #irnn} gives the IRNN of Le, Jaitly & Hinton 2015 ("A simple way to initialize
 * recurrent networks of rectified linear units"): ReLU, Wh = I, b = 0. The recurrent scale sets the
 * gain of Wh's initialization, which decides whether gradients vanish or explode with lag.
 *
 * @param inputSize      width of x_t, at least 1
 * @param hiddenSize     H, at least 1
 * @param activation     phi
 * @param recurrentInit  how Wh starts
 * @param recurrentScale gain of Wh's initialization, positive
 */
@JsonTypeName("elman")
public record ElmanCell(int inputSize, int hiddenSize, Activation activation, RecurrentInit recurrentInit,
                        double recurrentScale) implements Cell {

    static final int WX = 0;
    static final int WH = 1;
    static final int BIAS = 2;

    public enum Activation { TANH, RELU }

    /**
     * How Wh starts: UNIFORM U(-s/sqrt(H), s/sqrt(H)) as PyTorch's {@code nn.RNN}; GAUSSIAN
     * N(0, s^2/H), spectral radius about s; ORTHOGONAL s Q; IDENTITY s I.
     */
    public enum RecurrentInit { UNIFORM, GAUSSIAN, ORTHOGONAL, IDENTITY }

    public ElmanCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("hiddenSize", hiddenSize);
        CellChecks.notNull("activation", activation);
        CellChecks.notNull("recurrentInit", recurrentInit);
        CellChecks.positive("recurrentScale", recurrentScale);
    }

    /** The tanh RNN with PyTorch's default initialization. */
    public static ElmanCell tanh(int inputSize, int hiddenSize) {
        return new ElmanCell(inputSize, hiddenSize, Activation.TANH, RecurrentInit.UNIFORM, 1.0);
    }

    /** IRNN: ReLU activation, identity recurrent weights, zero bias. */
    public static ElmanCell irnn(int inputSize, int hiddenSize) {
        return new ElmanCell(inputSize, hiddenSize, Activation.RELU, RecurrentInit.IDENTITY, 1.0);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("h", hiddenSize));
    }

    @Override
    public ParameterLayout parameterLayout() {
        return ParameterLayout.builder()
                .matrixWithTranspose("Wx", inputSize, hiddenSize)
                .matrixWithTranspose("Wh", hiddenSize, hiddenSize)
                .vector("b", hiddenSize)
                .build();
    }

    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(hiddenSize);
        Initializers.uniform(w.get(WX), -k, k, rng);
        Mat wh = w.get(WH);
        switch (recurrentInit) {
            case UNIFORM: Initializers.uniform(wh, -recurrentScale * k, recurrentScale * k, rng); break;
            case GAUSSIAN: Initializers.gaussian(wh, recurrentScale * k, rng); break;
            case ORTHOGONAL: Initializers.orthogonal(wh, recurrentScale, rng); break;
            case IDENTITY: Initializers.identity(wh, recurrentScale); break;
            default: throw new AssertionError(recurrentInit);
        }
        Mat b = w.get(BIAS);
        if (recurrentInit == RecurrentInit.IDENTITY) {
            b.zero();
        } else {
            Initializers.uniform(b, -k, k, rng);
        }
        w.refreshTransposes();
    }

    static final class Work implements Scratch {
        final Mat dA;

        Work(int batch, int h, Precision p) {
            dA = p.zeros(batch, h);
        }
    }

    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return Nothing.INSTANCE; // phi' is a function of h_t, which the tape keeps
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new Work(batch, hiddenSize, precision);
    }

    /** h_t = phi(x_t Wx + h_{t-1} Wh + b) */
    @Override
    public void forward(Parameters w, StepTape tape) {
        Mat h = tape.next().part(0);
        h.zero();
        h.addRowBroadcast(w.get(BIAS));
        h.addMatMul(tape.x(), w.get(WX));
        h.addMatMul(tape.prev().part(0), w.get(WH));
        if (activation == Activation.TANH) {
            h.setTanh(h);
        } else {
            h.setRelu(h);
        }
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Mat dA = ((Work) scratch).dA;
        Mat h = tape.next().part(0);
        dA.set(dNext.part(0));
        if (activation == Activation.TANH) {
            dA.multiplyTanhDerivative(h);
        } else {
            dA.multiplyReluDerivative(h);
        }
        dA.flushDenormals();
        Mat dhPrev = dPrev.part(0);
        dhPrev.zero();
        dhPrev.addMatMul(dA, w.transposed(WH));
        if (dx != null) {
            dx.zero();
            dx.addMatMul(dA, w.transposed(WX));
        }
        grad.get(WH).addTransAMatMul(tape.prev().part(0), dA);
        grad.get(WX).addTransAMatMul(tape.x(), dA);
        grad.get(BIAS).addColumnSums(dA);
    }
}
