package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.memory.AdditionTask;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test-set outputs computed in chunks of sequences equal those of one whole batch. */
class EvaluationTest {

    @Test
    void chunkedOutputEqualsTheWholeBatch() {
        int length = 40_000; // CHUNK_STEPS / 40,000 = 5 sequences per chunk: a batch of 7 takes two
        AdditionTask task = AdditionTask.of(length);
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, 3), 1), 2);
        INDArray features = task.next(7, new SplittableRandom(5)).getFeatures();
        INDArray whole = model.output(features);
        INDArray chunked = Evaluation.output(model, features);
        assertArrayEquals(whole.shape(), chunked.shape());
        assertArrayEquals(whole.data().asFloat(), chunked.data().asFloat(), 0f);
        assertEquals(7, chunked.size(0));
    }
}
