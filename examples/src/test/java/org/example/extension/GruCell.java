package org.example.extension;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.cell.StepTape;
import org.longlag.models.tensor.Mat;
import org.longlag.models.tensor.Precision;

/**
 * Gated recurrent unit (Cho, van Merrienboer, Gulcehre, Bahdanau, Bougares, Schwenk & Bengio 2014,
 * "Learning Phrase Representations using RNN Encoder-Decoder for Statistical Machine Translation"),
 * in exactly the form of PyTorch's {@code torch.nn.GRU}, gate order r, z, n:
 *
 * <pre>
 *   r_t = sigma(x_t W_ir + b_ir + h_{t-1} W_hr + b_hr)
 *   z_t = sigma(x_t W_iz + b_iz + h_{t-1} W_hz + b_hz)
 *   n_t = tanh(x_t W_in + b_in + r_t * (h_{t-1} W_hn + b_hn))
 *   h_t = (1 - z_t) * n_t + z_t * h_{t-1}
 * </pre>
 *
 * The reset gate multiplies the recurrent term after its bias, r * (W_hn h + b_hn), as PyTorch (and
 * cuDNN) put it; Cho et al. apply it before the product, W (r * h). So there are two bias vectors,
 * as in PyTorch: b_ir + b_hr and b_iz + b_hz act as one bias each, b_in and b_hn do not.
 *
 * <p>Parameters: Wx = [W_ir | W_iz | W_in] (I x 3H, PyTorch's {@code weight_ih_l0} transposed),
 * Wh = [W_hr | W_hz | W_hn] (H x 3H, {@code weight_hh_l0} transposed), bx and bh (1 x 3H,
 * {@code bias_ih_l0} and {@code bias_hh_l0}). All start U(-1/sqrt(H), 1/sqrt(H)) as in PyTorch;
 * then {@code updateGateBias} is added to b_iz: positive values start z near 1, carrying h_{t-1}
 * over (the GRU's counterpart of an LSTM's forget-gate bias); 0 is PyTorch's initialization.
 *
 * <p>State: one part, "h". Written only against longlag's public API; registered by its kind
 * ({@link GruKind}). The type name is "example-gru" so that it does not take a name a built-in
 * GRU may want.
 *
 * @param inputSize      I, at least 1
 * @param hiddenSize     H, at least 1
 * @param updateGateBias added to b_iz after initialization, finite
 */
@JsonTypeName("example-gru")
public record GruCell(int inputSize, int hiddenSize, double updateGateBias) implements Cell {

    static final int WX = 0, WH = 1, BX = 2, BH = 3;

    public GruCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("hiddenSize", hiddenSize);
        CellChecks.finite("updateGateBias", updateGateBias);
    }

    @Override
    public List<StatePart> stateParts() {
        return List.of(new StatePart("h", hiddenSize));
    }

    @Override
    public ParameterLayout parameterLayout() {
        int g = 3 * hiddenSize;
        return ParameterLayout.builder()
                .matrixWithTranspose("Wx", inputSize, g)
                .matrixWithTranspose("Wh", hiddenSize, g)
                .vector("bx", g)
                .vector("bh", g)
                .build();
    }

    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (int i : new int[] {WX, WH, BX, BH}) Initializers.uniform(w.get(i), -k, k, rng);
        Mat bz = w.get(BX).columns(hiddenSize, hiddenSize);
        bz.addScalar(updateGateBias);
        w.refreshTransposes();
    }

    /** The gates [r z n] after their nonlinearities, and the recurrent pre-activations h_{t-1} Wh + bh. */
    private static final class Record implements StepRecord {
        final Mat gates, r, z, rz, n;
        final Mat recurrent, recurrentRz, recurrentN;

        Record(int batch, int h, Precision p) {
            gates = p.zeros(batch, 3 * h);
            r = gates.columns(0, h);
            z = gates.columns(h, h);
            rz = gates.columns(0, 2 * h);
            n = gates.columns(2 * h, h);
            recurrent = p.zeros(batch, 3 * h);
            recurrentRz = recurrent.columns(0, 2 * h);
            recurrentN = recurrent.columns(2 * h, h);
        }
    }

    /** Gradients of the input-side and the recurrent-side pre-activations (equal for r and z). */
    private static final class Work implements Scratch {
        final Mat dInput, dR, dZ, dRz, dN;
        final Mat dRecurrent, dRecurrentRz, dRecurrentN;

        Work(int batch, int h, Precision p) {
            dInput = p.zeros(batch, 3 * h);
            dR = dInput.columns(0, h);
            dZ = dInput.columns(h, h);
            dRz = dInput.columns(0, 2 * h);
            dN = dInput.columns(2 * h, h);
            dRecurrent = p.zeros(batch, 3 * h);
            dRecurrentRz = dRecurrent.columns(0, 2 * h);
            dRecurrentN = dRecurrent.columns(2 * h, h);
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
        Record rec = (Record) tape.record();
        Mat x = tape.x(), hPrev = tape.prev().part("h"), h = tape.next().part("h");
        if (x.cols() != inputSize) throw new IllegalArgumentException("input has " + x.cols() + " columns, the GRU expects " + inputSize);
        // input side x Wx + bx, recurrent side h Wh + bh (kept: the n gate and backward read it)
        rec.gates.zero();
        rec.gates.addRowBroadcast(w.get(BX));
        rec.gates.addMatMul(x, w.get(WX));
        rec.recurrent.zero();
        rec.recurrent.addRowBroadcast(w.get(BH));
        rec.recurrent.addMatMul(hPrev, w.get(WH));
        // r, z = sigma(both sides)
        rec.rz.addScaled(rec.recurrentRz, 1.0);
        rec.rz.setSigmoid(rec.rz);
        // n = tanh(input side + r * recurrent side)
        rec.n.addProduct(rec.r, rec.recurrentN);
        rec.n.setTanh(rec.n);
        // h = n + z * (h_{t-1} - n)
        h.set(hPrev);
        h.addScaled(rec.n, -1.0);
        h.multiply(rec.z);
        h.addScaled(rec.n, 1.0);
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Record rec = (Record) tape.record();
        Work s = (Work) scratch;
        Mat dh = dNext.part("h"), hPrev = tape.prev().part("h"), x = tape.x();

        // n's pre-activation: dh (1 - z) (1 - n^2)
        s.dN.set(rec.z);
        s.dN.scale(-1.0);
        s.dN.addScalar(1.0);
        s.dN.multiply(dh);
        s.dN.multiplyTanhDerivative(rec.n);
        // z's pre-activation: dh (h_{t-1} - n) z (1 - z)
        s.dZ.set(hPrev);
        s.dZ.addScaled(rec.n, -1.0);
        s.dZ.multiply(dh);
        s.dZ.multiplySigmoidDerivative(rec.z);
        // through r * (h Wh_n + b_hn): to the recurrent term, and to r's pre-activation
        s.dRecurrentN.setProduct(s.dN, rec.r);
        s.dR.setProduct(s.dN, rec.recurrentN);
        s.dR.multiplySigmoidDerivative(rec.r);
        // r's and z's pre-activations are the sum of both sides
        s.dRecurrentRz.set(s.dRz);
        s.dInput.flushDenormals();
        s.dRecurrent.flushDenormals();

        // to the previous state (directly through z * h_{t-1}, and through Wh) and the input
        Mat dhPrev = dPrev.part("h");
        dhPrev.setProduct(dh, rec.z);
        dhPrev.addMatMul(s.dRecurrent, w.transposed(WH));
        if (dx != null) {
            dx.zero();
            dx.addMatMul(s.dInput, w.transposed(WX));
        }

        // to the parameters
        grad.get(WX).addTransAMatMul(x, s.dInput);
        grad.get(BX).addColumnSums(s.dInput);
        grad.get(WH).addTransAMatMul(hPrev, s.dRecurrent);
        grad.get(BH).addColumnSums(s.dRecurrent);
    }
}
