package org.longlag.models.cell.ntm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.InitialState;
import org.longlag.models.model.LinearReadout;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixed-seed NTM training runs whose every loss and final parameter are pinned bit for bit: the
 * checksums were computed on the NTM as it was before its addressing, memory and initial state
 * were rebuilt from the public memory components and per-part initial states, so the rebuilt NTM
 * is the same computation, not merely a close one. A kernel change that moves a rounding (in the
 * tensor package) changes these numbers too; then the new checksums are taken only after the
 * contract tests show the change is one of rounding.
 */
class NtmPinnedRunTest {

    /** Copy-like bits: 3 random bits for 4 steps, then recall them for 4 steps (BCE on the recall). */
    private static final class Recall implements BatchSource {
        @Override
        public DataSet next(int size, SplittableRandom rng) {
            int len = 8, in = 4, out = 3;
            float[] x = new float[size * in * len];
            float[] y = new float[size * out * len];
            float[] m = new float[size * len];
            for (int b = 0; b < size; b++) {
                for (int t = 0; t < 4; t++) {
                    for (int o = 0; o < out; o++) {
                        float bit = rng.nextBoolean() ? 1f : 0f;
                        x[(b * in + o) * len + t] = bit;
                        y[(b * out + o) * len + t + 4] = bit;
                    }
                }
                x[(b * in + 3) * len + 4] = 1f; // the recall marker
                for (int t = 4; t < len; t++) m[b * len + t] = 1f;
            }
            return new org.nd4j.linalg.dataset.DataSet(Nd4j.create(x, new long[] {size, in, len}, 'c'),
                    Nd4j.create(y, new long[] {size, out, len}, 'c'), null, Nd4j.create(m, new long[] {size, len}, 'c'));
        }

        @Override
        public LossFunction loss() {
            return LossFunction.BINARY_CROSS_ENTROPY;
        }
    }

    /** CRC-32 of the losses' and the final parameters' bits, in hex: "losses/parameters". */
    static String run(NtmCell cell, InitialState init, Precision p, int threads) {
        ModelSpec spec = new ModelSpec(cell, new LinearReadout(3), init, p);
        SequenceModel model = SequenceModel.create(spec, 17);
        List<Double> losses = new ArrayList<>();
        try (Trainer t = new Trainer(model, new TrainingConfig(12, 8, Optimizer.adam(3e-3), 1.0, threads, 23, 0))) {
            t.fit(new Recall(), (m, r, c) -> losses.add(r.loss()));
        }
        double[] l = losses.stream().mapToDouble(Double::doubleValue).toArray();
        for (double v : l) assertTrue(Double.isFinite(v) && v > 0, "a finite loss at every step: " + losses);
        INDArray xs = new Recall().next(5, new SplittableRandom(99)).getFeatures();
        double[] out = model.output(xs.castTo(DataType.FLOAT)).data().asDouble();
        return crc(l) + "/" + crc(model.parameters().data().asDouble()) + "/" + crc(out);
    }

    static String crc(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length);
        for (double v : values) buf.putLong(Double.doubleToRawLongBits(v));
        CRC32 c = new CRC32();
        c.update(buf.array());
        return Long.toHexString(c.getValue());
    }

    private static final NtmCell LSTM = new NtmCell(4, 6, NtmCell.ControllerType.LSTM, 8, 3, 2, 2, 1, 20);
    private static final NtmCell FF = new NtmCell(4, 5, NtmCell.ControllerType.FEEDFORWARD, 7, 2, 1, 1, 2, 0);

    @Test
    void lstmControllerConstantMemory() {
        assertEquals("2713c949/aef52f7e/735b8f52", run(LSTM, NtmInitialState.constant(LSTM), Precision.FLOAT32, 1));
    }

    @Test
    void lstmControllerLearnedMemoryTwoThreads() {
        assertEquals("38f70bc3/d8c96ae1/c57133a7", run(LSTM, NtmInitialState.of(LSTM, NtmInitialState.MemoryInit.LEARNED, 0), Precision.FLOAT32, 2));
    }

    @Test
    void feedForwardControllerRandomMemory() {
        assertEquals("caee5006/ada5e3dc/1a66473d", run(FF, NtmInitialState.of(FF, NtmInitialState.MemoryInit.RANDOM, 0), Precision.FLOAT32, 1));
    }

    @Test
    void feedForwardControllerConstantMemoryFloat64() {
        assertEquals("ad947bec/e82a534f/876ad34d", run(FF, NtmInitialState.of(FF, NtmInitialState.MemoryInit.CONSTANT, 0.25), Precision.FLOAT64, 1));
    }
}
