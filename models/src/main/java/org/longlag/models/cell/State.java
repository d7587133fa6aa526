package org.longlag.models.cell;

import java.util.List;
import org.longlag.models.tensor.Precision;
import org.longlag.models.tensor.Mat;

/**
 * A batch of recurrent states, as the cell's named parts ({@link Cell#stateParts()}; LSTM: h and c;
 * PLRNN: z), each [batch x size]. Part 0 is what readouts and teacher forcing see.
 */
public final class State {

    private final List<StatePart> layout;
    private final Mat[] parts;

    /**
     * A state over the given matrices, one per part of {@code layout} and as wide as it (not copied).
     */
    public State(List<StatePart> layout, Mat... parts) {
        this.layout = StatePart.checkLayout(layout);
        if (parts.length != this.layout.size()) {
            throw new IllegalArgumentException("a state with parts " + StatePart.names(this.layout) + " needs " + this.layout.size() + " matrices, got " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            Mat m = parts[i];
            if (m.rows() != parts[0].rows()) throw new IllegalArgumentException("state parts disagree on batch size");
            if (m.cols() != this.layout.get(i).size()) {
                throw new IllegalArgumentException("state part '" + this.layout.get(i).name() + "' has " + this.layout.get(i).size() + " values, its matrix " + m.cols() + " columns");
            }
        }
        this.parts = parts;
    }

    public static State zeros(List<StatePart> layout, int batch, Precision precision) {
        Mat[] parts = new Mat[layout.size()];
        for (int i = 0; i < parts.length; i++) parts[i] = precision.zeros(batch, layout.get(i).size());
        return new State(layout, parts);
    }

    /** The named parts this state is made of, in order. */
    public List<StatePart> layout() {
        return layout;
    }

    public Mat part(int i) {
        return parts[i];
    }

    /**
     * The part or segment called {@code name}: the part's matrix, or a view of a segment's columns
     * of it (shared storage either way).
     *
     * @throws IllegalArgumentException if the state has no part or segment of that name
     */
    public Mat part(String name) {
        StatePart.Location at = StatePart.locate(layout, name);
        if (at == null) throw new IllegalArgumentException("no state part '" + name + "'; the state has " + StatePart.names(layout));
        Mat m = parts[at.part()];
        return at.whole() ? m : m.columns(at.offset(), at.size());
    }

    /** Whether a part or segment is called {@code name}. */
    public boolean has(String name) {
        return StatePart.locate(layout, name) != null;
    }

    public int partCount() {
        return parts.length;
    }

    public int batch() {
        return parts[0].rows();
    }

    /** Total state size per sample (sum of part widths). */
    public int size() {
        int s = 0;
        for (Mat m : parts) s += m.cols();
        return s;
    }

    public void set(State other) {
        for (int i = 0; i < parts.length; i++) parts[i].set(other.parts[i]);
    }

    public void zero() {
        for (Mat m : parts) m.zero();
    }

    public void flushDenormals() {
        for (Mat m : parts) m.flushDenormals();
    }

    public boolean isFinite() {
        for (Mat m : parts) {
            if (!m.isFinite()) return false;
        }
        return true;
    }

    /** Element k of the concatenated per-sample state of row b. */
    public double get(int b, int k) {
        for (Mat m : parts) {
            if (k < m.cols()) return m.get(b, k);
            k -= m.cols();
        }
        throw new IndexOutOfBoundsException("state index beyond size " + size());
    }

    /** Sets element k of the concatenated per-sample state of row b. */
    public void set(int b, int k, double v) {
        for (Mat m : parts) {
            if (k < m.cols()) {
                m.set(b, k, v);
                return;
            }
            k -= m.cols();
        }
        throw new IndexOutOfBoundsException("state index beyond size " + size());
    }

    /** The concatenated state of row b. */
    public double[] row(int b) {
        double[] out = new double[size()];
        int k = 0;
        for (Mat m : parts) {
            for (int j = 0; j < m.cols(); j++) out[k++] = m.get(b, j);
        }
        return out;
    }

    /** Sets row b from a concatenated per-sample state. */
    public void setRow(int b, double[] values) {
        int k = 0;
        for (Mat m : parts) {
            for (int j = 0; j < m.cols(); j++) m.set(b, j, values[k++]);
        }
    }
}
