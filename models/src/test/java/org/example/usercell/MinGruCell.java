package org.example.usercell;

import com.fasterxml.jackson.annotation.JsonTypeName;
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
 * A user's own cell, written against longlag's public API only (this package is not longlag's):
 * minGRU (Feng, Tung, Ahmed, Bengio & Hajimirsadeghi 2024, "Were RNNs All We Needed?"),
 *
 * <pre>
 *   z_t  = sigmoid(x_t Wz + bz)
 *   h~_t = x_t Wh + bh
 *   h_t  = (1 - z_t) h_{t-1} + z_t h~_t
 * </pre>
 *
 * Registered only through its kind ({@link MinGruKind}, one line in the test resources'
 * {@code META-INF/services/org.longlag.models.registry.ModelKind}). The type name is not "mingru",
 * which a built-in minGRU may take.
 */
@JsonTypeName("example-mingru")
public record MinGruCell(int inputSize, int hiddenSize) implements Cell {

    static final int WZ = 0, BZ = 1, WH = 2, BH = 3;

    public MinGruCell {
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
                .matrixWithTranspose("Wz", inputSize, hiddenSize).vector("bz", hiddenSize)
                .matrixWithTranspose("Wh", inputSize, hiddenSize).vector("bh", hiddenSize)
                .build();
    }

    /** U(-1/sqrt(I), 1/sqrt(I)) for weights and biases, as PyTorch's nn.Linear. */
    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        double k = 1 / Math.sqrt(inputSize);
        for (int i = 0; i < 4; i++) Initializers.uniform(w.get(i), -k, k, rng);
        w.refreshTransposes();
    }

    private record Record(Mat z, Mat diff) implements StepRecord { // z_t and h~_t - h_{t-1}
    }

    private record Work(Mat oneMinusZ, Mat dz, Mat dCandidate) implements Scratch {
    }

    @Override
    public StepRecord newRecord(int batch, Precision p) {
        return new Record(p.zeros(batch, hiddenSize), p.zeros(batch, hiddenSize));
    }

    @Override
    public Scratch newScratch(int batch, Precision p) {
        return new Work(p.zeros(batch, hiddenSize), p.zeros(batch, hiddenSize), p.zeros(batch, hiddenSize));
    }

    @Override
    public void forward(Parameters w, StepTape tape) {
        Record r = (Record) tape.record();
        Mat x = tape.x(), hPrev = tape.prev().part("h"), h = tape.next().part("h");
        if (x.cols() != inputSize) throw new IllegalArgumentException("input has " + x.cols() + " columns, the cell expects " + inputSize);
        r.z.zero();
        r.z.addRowBroadcast(w.get(BZ));
        r.z.addMatMul(x, w.get(WZ));
        r.z.setSigmoid(r.z);
        r.diff.zero();
        r.diff.addRowBroadcast(w.get(BH));
        r.diff.addMatMul(x, w.get(WH));
        r.diff.addScaled(hPrev, -1.0);
        h.setProduct(r.z, r.diff);   // h_t = h_{t-1} + z (h~ - h_{t-1})
        h.addScaled(hPrev, 1.0);
    }

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        Record r = (Record) tape.record();
        Work s = (Work) scratch;
        Mat dh = dNext.part("h"), x = tape.x();
        s.oneMinusZ.set(r.z);
        s.oneMinusZ.scale(-1);
        s.oneMinusZ.addScalar(1);
        dPrev.part("h").setProduct(dh, s.oneMinusZ);
        s.dCandidate.setProduct(dh, r.z);
        s.dz.setProduct(dh, r.diff);
        s.dz.multiplySigmoidDerivative(r.z);
        grad.get(WZ).addTransAMatMul(x, s.dz);
        grad.get(BZ).addColumnSums(s.dz);
        grad.get(WH).addTransAMatMul(x, s.dCandidate);
        grad.get(BH).addColumnSums(s.dCandidate);
        if (dx != null) {
            dx.zero();
            dx.addMatMul(s.dz, w.transposed(WZ));
            dx.addMatMul(s.dCandidate, w.transposed(WH));
        }
    }
}
