package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

class SequenceBatchBuilderTest {

    @Test
    void valuesLandWhereTheySayInDl4jLayout() {
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(2, 3, 2, 4);
        batch.input(1, 2, 0, 0.25).oneHotInput(0, 3, 2).target(1, 3, 1, -1.5).oneHotTarget(0, 0, 0).lossAt(1, 3);
        assertEquals(0.25f, batch.inputAt(1, 2, 0));
        DataSet d = batch.build();
        assertArrayEquals(new long[] {2, 3, 4}, d.getFeatures().shape());
        assertArrayEquals(new long[] {2, 2, 4}, d.getLabels().shape());
        assertArrayEquals(new long[] {2, 4}, d.getLabelsMaskArray().shape());
        assertEquals(DataType.FLOAT, d.getFeatures().dataType());
        assertEquals(0.25, d.getFeatures().getDouble(1, 0, 2));
        assertEquals(1.0, d.getFeatures().getDouble(0, 2, 3));
        assertEquals(1.25, d.getFeatures().sumNumber().doubleValue(), "nothing else set");
        assertEquals(-1.5, d.getLabels().getDouble(1, 1, 3));
        assertEquals(1.0, d.getLabels().getDouble(0, 0, 0));
        assertEquals(1.0, d.getLabelsMaskArray().getDouble(1, 3));
        assertEquals(1.0, d.getLabelsMaskArray().sumNumber().doubleValue());
        assertNull(d.getFeaturesMaskArray());
    }

    @Test
    void paddedBatchesRefuseWritesIntoPadding() {
        SequenceBatchBuilder batch = SequenceBatchBuilder.padded(new int[] {2, 5}, 1, 1);
        assertEquals(5, batch.steps());
        assertEquals(2, batch.length(0));
        batch.input(1, 4, 0, 1).lossAt(0, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> batch.input(0, 2, 0, 1));
        assertTrue(e.getMessage().contains("step 2 outside sequence 0 of length 2") && e.getMessage().contains("padding"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> batch.lossAt(0, 3));
        DataSet d = batch.build();
        assertEquals(1.0, d.getLabelsMaskArray().sumNumber().doubleValue());
        assertArrayEquals(new long[] {2, 1, 5}, d.getFeatures().shape());
    }

    @Test
    void unmaskedBatchesHaveNoMaskAndRefuseToMark() {
        SequenceBatchBuilder batch = SequenceBatchBuilder.unmasked(1, 2, 2, 3);
        var e = assertThrows(IllegalStateException.class, () -> batch.lossAt(0, 0));
        assertTrue(e.getMessage().contains("every step"), e.getMessage());
        assertNull(batch.build().getLabelsMaskArray());
    }

    @Test
    void badIndicesAndReuseAreNamed() {
        SequenceBatchBuilder batch = SequenceBatchBuilder.masked(2, 3, 2, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch.input(2, 0, 0, 1)).getMessage().contains("sequence 2 outside a batch of 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch.oneHotInput(0, 0, 3)).getMessage().contains("input channel 3 outside 0..2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch.target(0, 0, -1, 1)).getMessage().contains("output -1 outside 0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch.target(0, 4, 0, 1)).getMessage().contains("step 4"));
        batch.build();
        assertTrue(assertThrows(IllegalStateException.class, () -> batch.input(0, 0, 0, 1)).getMessage().contains("builds one batch"));
        assertThrows(IllegalStateException.class, batch::build);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceBatchBuilder.padded(new int[] {3, 0}, 1, 1)).getMessage().contains("sequence 1 has length 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceBatchBuilder.masked(0, 1, 1, 1)).getMessage().contains("batch size"));
    }
}
