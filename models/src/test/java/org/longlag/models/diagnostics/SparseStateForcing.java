package org.longlag.models.diagnostics;

import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.cell.State;

/**
 * Sparse teacher forcing of the whole state (Mikhaeil, Monfared &amp; Durstewitz 2022): every tau
 * steps the state is replaced by the data, so no gradient flows back through a forced state. A
 * minimal test-scope version for a model whose state is the observation; the library's own sparse
 * forcing is the dsr branch's.
 *
 * @param data  data[s][b][i]: observation s (s = 0 is the initial state) of sequence b
 * @param tau   forcing interval, at least 1
 */
record SparseStateForcing(double[][][] data, int tau) implements TeacherForcing {

    @Override
    public boolean forces(int t) {
        return t >= 0 && (t + 1) % tau == 0;
    }

    /** The state after step t is z_{t+1}: replaced by observation t + 1. */
    @Override
    public void force(int t, State produced, State fed) {
        for (int b = 0; b < fed.batch(); b++) fed.setRow(b, data[t + 1][b]);
    }

    /** fed does not depend on produced: the gradient stops here. */
    @Override
    public void backward(int t, State produced, State dFed) {
        dFed.zero();
    }
}
