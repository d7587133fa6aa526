package org.longlag.models.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Outputs computed in chunks of sequences (bounded memory) equal those of the whole batch at once. */
class SequenceModelOutputTest {

    @Test
    void chunkedOutputEqualsTheWholeBatch() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, 3), 1), 2);
        INDArray features = Nd4j.rand(DataType.FLOAT, 7, 2, 20);
        INDArray whole = model.output(features, Long.MAX_VALUE);
        for (long chunkSteps : new long[] {1, 20, 45, 100}) { // 1, 1, 2 and 5 sequences per chunk
            INDArray chunked = model.output(features, chunkSteps);
            assertArrayEquals(whole.shape(), chunked.shape());
            assertArrayEquals(whole.data().asFloat(), chunked.data().asFloat(), 0f, "chunks of " + chunkSteps + " sequence-steps");
        }
    }
}
