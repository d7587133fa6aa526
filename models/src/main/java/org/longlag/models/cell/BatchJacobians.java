package org.longlag.models.cell;

import org.longlag.models.tensor.Precision;

/**
 * State Jacobians dz_t/dz_{t-1} of one cell step at many points, with zero input, through the
 * cell's own backward run on a batch of points (row k of every Jacobian is one backward pass of the
 * unit vector e_k for all points at once). The batched counterpart of {@link StateJacobian}, for
 * statistics over many states (e.g. the alpha of generalized teacher forcing).
 */
public final class BatchJacobians {

    /** Receives the Jacobian of point {@code index}; the array is reused after the call returns. */
    @FunctionalInterface
    public interface Consumer {
        void accept(int index, double[][] jacobian);
    }

    private final Cell cell;
    private final Parameters weights;
    private final int chunk;
    private final StepTape tape;
    private final Cell.Scratch scratch;
    private final Parameters scratchGrad;
    private final State dNext;
    private final State dPrev;

    /** @param weights the cell's parameters (a view starting at the cell's first block) */
    public BatchJacobians(Cell cell, Parameters weights) {
        this.cell = cell;
        this.weights = weights;
        int n = cell.stateSize();
        this.chunk = Math.max(1, Math.min(1024, 1_000_000 / (n * n)));
        Precision p = weights.precision();
        this.tape = new StepTape(p.zeros(chunk, cell.inputSize()), State.zeros(cell.stateParts(), chunk, p),
                State.zeros(cell.stateParts(), chunk, p), cell.newRecord(chunk, p));
        this.scratch = cell.newScratch(chunk, p);
        this.scratchGrad = Parameters.zeros(cell.parameterLayout(), p, false);
        this.dNext = State.zeros(cell.stateParts(), chunk, p);
        this.dPrev = State.zeros(cell.stateParts(), chunk, p);
    }

    /**
     * Calls {@code consumer} with J[i][j] = d z_t[i] / d z_{t-1}[j] at each of {@code points}
     * (each a concatenated state of length {@code cell.stateSize()}), in order.
     */
    public void forEach(double[][] points, Consumer consumer) {
        int n = cell.stateSize();
        double[][][] jac = new double[chunk][n][n];
        for (int start = 0; start < points.length; start += chunk) {
            int rows = Math.min(chunk, points.length - start);
            State prev = tape.prev();
            prev.zero();
            for (int r = 0; r < rows; r++) {
                if (points[start + r].length != n) {
                    throw new IllegalArgumentException("point " + (start + r) + " has length " + points[start + r].length + ", the cell's state size is " + n);
                }
                prev.setRow(r, points[start + r]);
            }
            cell.forward(weights, tape);
            for (int i = 0; i < n; i++) {
                dNext.zero();
                for (int r = 0; r < rows; r++) dNext.set(r, i, 1.0);
                cell.backward(weights, scratchGrad, tape, scratch, dNext, dPrev, null);
                for (int r = 0; r < rows; r++) {
                    double[] row = jac[r][i];
                    for (int j = 0; j < n; j++) row[j] = dPrev.get(r, j);
                }
            }
            for (int r = 0; r < rows; r++) consumer.accept(start + r, jac[r]);
        }
    }
}
