package org.longlag.models.cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ordered parameter blocks of a cell, readout or whole model, laid out in one flat vector.
 * Cells refer to their blocks by position (constants in the cell), so lookups cost nothing.
 */
public final class ParameterLayout {

    private final List<ParamBlock> blocks;
    private final int size;

    private ParameterLayout(List<ParamBlock> blocks) {
        this.blocks = Collections.unmodifiableList(blocks);
        int s = 0;
        for (ParamBlock b : blocks) s = Math.max(s, b.offset() + b.size());
        this.size = s;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ParameterLayout empty() {
        return new ParameterLayout(new ArrayList<>());
    }

    /** The layouts one after another, each block name prefixed by its part's prefix and a dot. */
    public static ParameterLayout concat(List<String> prefixes, List<ParameterLayout> parts) {
        if (prefixes.size() != parts.size()) throw new IllegalArgumentException("one prefix per layout");
        List<ParamBlock> all = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < parts.size(); i++) {
            for (ParamBlock b : parts.get(i).blocks) {
                all.add(new ParamBlock(prefixes.get(i) + "." + b.name(), b.rows(), b.cols(), offset + b.offset(), b.keepTranspose()));
            }
            offset += parts.get(i).size;
        }
        return new ParameterLayout(all);
    }

    public List<ParamBlock> blocks() {
        return blocks;
    }

    public ParamBlock block(int i) {
        return blocks.get(i);
    }

    public int blockCount() {
        return blocks.size();
    }

    /** Total number of scalar parameters. */
    public int size() {
        return size;
    }

    /** Index of the block with this name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParameterLayout(" + size + ":");
        for (ParamBlock b : blocks) sb.append(' ').append(b.name()).append('[').append(b.rows()).append('x').append(b.cols()).append(']');
        return sb.append(')').toString();
    }

    /** Adds blocks in order; each block's offset follows the previous one. */
    public static final class Builder {
        private final List<ParamBlock> blocks = new ArrayList<>();
        private int offset;

        /** A matrix block. */
        public Builder matrix(String name, int rows, int cols) {
            return add(name, rows, cols, false);
        }

        /** A matrix block whose transpose the compute code uses (kept up to date per update). */
        public Builder matrixWithTranspose(String name, int rows, int cols) {
            return add(name, rows, cols, true);
        }

        /** A [1 x n] row vector block (biases, diagonals, initial states). */
        public Builder vector(String name, int n) {
            return add(name, 1, n, false);
        }

        private Builder add(String name, int rows, int cols, boolean transpose) {
            for (ParamBlock b : blocks) {
                if (b.name().equals(name)) throw new IllegalArgumentException("duplicate parameter block '" + name + "'");
            }
            ParamBlock b = new ParamBlock(name, rows, cols, offset, transpose);
            blocks.add(b);
            offset += b.size();
            return this;
        }

        public ParameterLayout build() {
            return new ParameterLayout(new ArrayList<>(blocks));
        }
    }
}
