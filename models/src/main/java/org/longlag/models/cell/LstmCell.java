package org.longlag.models.cell;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000),
 * gate order i, f, g, o as in PyTorch:
 *
 * <pre>
 *   a   = x_t Wx + h_{t-1} Wh + b                      (batch x 4H)
 *   i = sigma(a_i)   f = sigma(a_f)   g = tanh(a_g)   o = sigma(a_o)
 *   c_t = f * c_{t-1} + i * g
 *   h_t = o * tanh(c_t)
 * </pre>
 *
 * State parts: h (part 0, the output) and c. Weights start U(-1/sqrt(H), 1/sqrt(H)) like PyTorch's
 * {@code nn.LSTM}; the forget-gate bias starts at {@code forgetBias}, or, with chrono
 * initialization (Tallec & Ollivier 2018, "Can recurrent neural networks warp time?"),
 * b_f ~ log U[1, T_max - 1] and b_i = -b_f.
 *
 * @param inputSize    width of x_t, at least 1
 * @param hiddenSize   H, at least 1
 * @param forgetBias   initial forget-gate bias (Gers et al. recommend 1); ignored with chrono
 * @param chronoMaxLag T_max of chrono initialization, at least 3; 0 turns chrono off
 */
@JsonTypeName("lstm")
public record LstmCell(int inputSize, int hiddenSize, double forgetBias, int chronoMaxLag) implements Cell {

    static final int WX = 0;
    static final int WH = 1;
    static final int BIAS = 2;

    public LstmCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("hiddenSize", hiddenSize);
        CellChecks.finite("forgetBias", forgetBias);
        if (chronoMaxLag != 0 && chronoMaxLag < 3) {
            throw new IllegalArgumentException("chronoMaxLag must be 0 (off) or at least 3, got " + chronoMaxLag);
        }
    }

    /** LSTM with forget-gate bias 1 and no chrono initialization. */
    public LstmCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1.0, 0);
    }

    /** This cell with chrono initialization for lags up to {@code maxLag}. */
    public LstmCell withChrono(int maxLag) {
        return new LstmCell(inputSize, hiddenSize, forgetBias, maxLag);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("h", hiddenSize), new StatePart("c", hiddenSize)); // forward and backward use this order
    }

    @Override
    public ParameterLayout parameterLayout() {
        int g = 4 * hiddenSize;
        return ParameterLayout.builder()
                .matrixWithTranspose("Wx", inputSize, g)
                .matrixWithTranspose("Wh", hiddenSize, g)
                .vector("b", g)
                .build();
    }

    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(hiddenSize);
        Initializers.uniform(w.get(WX), -k, k, rng);
        Initializers.uniform(w.get(WH), -k, k, rng);
        Mat b = w.get(BIAS);
        b.zero();
        int h = hiddenSize;
        for (int j = 0; j < h; j++) {
            if (chronoMaxLag > 0) {
                double bf = Math.log(1 + rng.nextDouble() * (chronoMaxLag - 2)); // log U[1, T_max - 1]
                b.set(0, h + j, bf);
                b.set(0, j, -bf);
            } else {
                b.set(0, h + j, forgetBias);
            }
        }
        w.refreshTransposes();
    }

    /** Post-activation gates [i f g o] and tanh(c_t) of one step. */
    static final class Record implements StepRecord {
        final Mat gates;
        final Mat i, f, g, o;
        final Mat tanhC;

        Record(int batch, int h, Precision p) {
            gates = p.zeros(batch, 4 * h);
            i = gates.columns(0, h);
            f = gates.columns(h, h);
            g = gates.columns(2 * h, h);
            o = gates.columns(3 * h, h);
            tanhC = p.zeros(batch, h);
        }
    }

    static final class Work implements Scratch {
        final Mat dGates;
        final Mat dI, dF, dG, dO;
        final Mat dC;

        Work(int batch, int h, Precision p) {
            dGates = p.zeros(batch, 4 * h);
            dI = dGates.columns(0, h);
            dF = dGates.columns(h, h);
            dG = dGates.columns(2 * h, h);
            dO = dGates.columns(3 * h, h);
            dC = p.zeros(batch, h);
        }
    }

    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return new Record(batch, hiddenSize, precision);
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new Work(batch, hiddenSize, precision);
    }

    @Override
    public void forward(Parameters w, StepTape tape) {
        Record r = (Record) tape.record();
        Mat hPrev = tape.prev().part(0), cPrev = tape.prev().part(1);
        Mat h = tape.next().part(0), c = tape.next().part(1);
        preActivations(w, tape.x(), hPrev, r.gates);
        r.i.setSigmoid(r.i);
        r.f.setSigmoid(r.f);
        r.g.setTanh(r.g);
        r.o.setSigmoid(r.o);
        cellState(r, cPrev, c);
        hidden(r, c, h);
    }

    /** a = x_t Wx + h_{t-1} Wh + b */
    private static void preActivations(Parameters w, Mat x, Mat hPrev, Mat a) {
        a.zero();
        a.addRowBroadcast(w.get(BIAS));
        a.addMatMul(x, w.get(WX));
        a.addMatMul(hPrev, w.get(WH));
    }

    /** c_t = f * c_{t-1} + i * g */
    private static void cellState(Record r, Mat cPrev, Mat c) {
        c.setProduct(r.f, cPrev);
        c.addProduct(r.i, r.g);
    }

    /** h_t = o * tanh(c_t) */
    private static void hidden(Record r, Mat c, Mat h) {
        r.tanhC.setTanh(c);
        h.setProduct(r.o, r.tanhC);
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Record r = (Record) tape.record();
        Work s = (Work) scratch;
        Mat dh = dNext.part(0), dcIn = dNext.part(1);
        Mat hPrev = tape.prev().part(0), cPrev = tape.prev().part(1);

        // dc_t in total: from c_{t+1} and through h_t = o * tanh(c_t)
        s.dC.setProduct(dh, r.o);
        s.dC.multiplyTanhDerivative(r.tanhC);
        s.dC.addScaled(dcIn, 1.0);

        // pre-activation gradients of the four gates
        s.dO.setProduct(dh, r.tanhC);
        s.dO.multiplySigmoidDerivative(r.o);
        s.dI.setProduct(s.dC, r.g);
        s.dI.multiplySigmoidDerivative(r.i);
        s.dF.setProduct(s.dC, cPrev);
        s.dF.multiplySigmoidDerivative(r.f);
        s.dG.setProduct(s.dC, r.i);
        s.dG.multiplyTanhDerivative(r.g);
        s.dGates.flushDenormals();

        // to the previous state and the input
        dPrev.part(1).setProduct(s.dC, r.f);
        Mat dhPrev = dPrev.part(0);
        dhPrev.zero();
        dhPrev.addMatMul(s.dGates, w.transposed(WH));
        if (dx != null) {
            dx.zero();
            dx.addMatMul(s.dGates, w.transposed(WX));
        }

        // to the parameters
        grad.get(WH).addTransAMatMul(hPrev, s.dGates);
        grad.get(WX).addTransAMatMul(tape.x(), s.dGates);
        grad.get(BIAS).addColumnSums(s.dGates);
    }
}
