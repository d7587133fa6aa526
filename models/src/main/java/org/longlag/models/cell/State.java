package org.longlag.models.cell;

import org.longlag.models.Precision;
import org.longlag.models.tensor.Mat;

/**
 * A batch of recurrent states, as the cell's parts (LSTM: h and c; PLRNN: z), each [batch x size].
 * Part 0 is what readouts and teacher forcing see.
 */
public final class State {

    private final Mat[] parts;

    public State(Mat... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("a state needs at least one part");
        for (Mat m : parts) {
            if (m.rows() != parts[0].rows()) throw new IllegalArgumentException("state parts disagree on batch size");
        }
        this.parts = parts;
    }

    public static State zeros(int[] sizes, int batch, Precision precision) {
        Mat[] parts = new Mat[sizes.length];
        for (int i = 0; i < sizes.length; i++) parts[i] = precision.zeros(batch, sizes[i]);
        return new State(parts);
    }

    public Mat part(int i) {
        return parts[i];
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
