package org.longlag.models.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link SequenceModel#output} runs long batches in row chunks; the chunking must not show in the outputs. */
class SequenceModelOutputTest {

    @Test
    void outputsDoNotDependOnHowRowsAreChunked() {
        // an NTM with the copy task's memory (128 x 20) on 241-step sequences: a few rows per chunk
        SequenceModel model = SequenceModel.create(ModelCatalog.discover().build("ntm", new TaskShape(9, 8, 120),
                Map.of("hidden", 8)), 3);
        int rows = 21, steps = 241;
        int chunk = model.outputChunkRows(steps);
        assertTrue(chunk > 1 && chunk < rows, "several chunks, the last one partial: " + chunk + " rows per chunk");
        assertEquals(SequenceModel.OUTPUT_CHUNK_ROWS, model.outputChunkRows(5), "short sequences: whole chunks");

        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[rows * 9 * steps];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(4) == 0 ? 1f : 0f;
        INDArray features = Nd4j.create(x, new long[] {rows, 9, steps}, 'c');
        INDArray all = model.output(features);
        // the same rows in other chunks: row 7 alone, rows 8..20 (chunk boundaries moved)
        for (int[] range : new int[][] {{7, 8}, {8, rows}}) {
            INDArray part = model.output(features.get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all(), NDArrayIndex.all()).dup());
            INDArray fromAll = all.get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all(), NDArrayIndex.all());
            assertArrayEquals(part.data().asDouble(), fromAll.dup().data().asDouble(), "rows " + range[0] + ".." + range[1] + " (bitwise)");
        }
    }

    @Test
    void anyChunkSizeGivesTheWholeBatchOutputs() {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, 3), 1), 2);
        INDArray features = Nd4j.rand(DataType.FLOAT, 7, 2, 20);
        INDArray whole = model.output(features, 7);
        for (int rows : new int[] {1, 2, 5}) {
            INDArray chunked = model.output(features, rows);
            assertArrayEquals(whole.shape(), chunked.shape());
            assertArrayEquals(whole.data().asFloat(), chunked.data().asFloat(), 0f, "chunks of " + rows + " sequences");
        }
    }
}
