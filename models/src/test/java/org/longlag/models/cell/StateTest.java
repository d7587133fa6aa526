package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

class StateTest {

    private static final List<StatePart> LAYOUT = List.of(
            StatePart.of("output", List.of(new StatePart("h", 2), new StatePart("reads", 3))),
            new StatePart("memory", 4));

    @Test
    void partsAndSegmentsAreReachedByName() {
        State s = State.zeros(LAYOUT, 2, Precision.FLOAT64);
        assertEquals(LAYOUT, s.layout());
        assertEquals(5, s.part("output").cols());
        Mat reads = s.part("reads");
        assertEquals(3, reads.cols());
        reads.set(1, 2, 7);
        assertEquals(7, s.part(0).get(1, 4), 0.0, "a segment is a view of its part's columns");
        s.part("memory").set(0, 0, 3);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 3, 0, 0, 0}, s.row(0), 0.0);
        assertTrue(s.has("h") && s.has("memory") && !s.has("c"));
        var e = assertThrows(IllegalArgumentException.class, () -> s.part("c"));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("reads"), e.getMessage());
        assertArrayEquals(new int[] {5, 4}, StatePart.sizes(LAYOUT));
        assertEquals(List.of("output", "h", "reads", "memory"), StatePart.names(LAYOUT));
    }

    @Test
    void badLayoutsAndMatricesAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> StatePart.checkLayout(List.of(new StatePart("h", 2), StatePart.of("x", List.of(new StatePart("h", 1))))));
        assertTrue(e.getMessage().contains("'h'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StatePart("z", 0));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StatePart("0z", 1));
        assertTrue(e.getMessage().contains("letter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StatePart("x", 3, List.of(new StatePart("a", 1))));
        assertTrue(e.getMessage().contains("segments"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new State(LAYOUT, Precision.FLOAT64.zeros(2, 5), Precision.FLOAT64.zeros(2, 3)));
        assertTrue(e.getMessage().contains("'memory'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new State(LAYOUT, Precision.FLOAT64.zeros(2, 5)));
        assertTrue(e.getMessage().contains("2 matrices"), e.getMessage());
        assertFalse(new StatePart("z", 1).segments().iterator().hasNext());
    }

    @Test
    void everyBuiltInCellNamesItsParts() {
        assertEquals(List.of("h", "c"), StatePart.names(new LstmCell(2, 3).stateParts()));
        assertEquals(List.of("h"), StatePart.names(ElmanCell.tanh(2, 3).stateParts()));
        assertEquals(List.of("z"), StatePart.names(PlrnnCell.plain(2, 3).stateParts()));
        assertEquals(List.of("z"), StatePart.names(new ShPlrnnCell(2, 3, 4, false).stateParts()));
        assertArrayEquals(new int[] {3, 3}, new LstmCell(2, 3).stateSizes(), "stateSizes() is derived from the parts");
    }
}
