package org.longlag.models.cell.ntm;

import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;

/**
 * Forward + backward time per step of an NTM (N = 128, M = 20, LSTM controller 100, batch 16,
 * float32) beside a plain LSTM of the same size, measured in one run. A main, not a unit test (the
 * bench module is where throughput is tracked); args: repetitions; -Dntm.only=1 skips the LSTM
 * (for profiling).
 */
final class NtmStepTiming {

    public static void main(String[] args) {
        for (int i = 0; i < Integer.parseInt(args.length > 0 ? args[0] : "1"); i++) new NtmStepTiming().time();
    }

    private void time() {
        int batch = 16, steps = 50;
        Cell[] cells = {new NtmCell(9, 100, NtmCell.ControllerType.LSTM, 128, 20, 1, 1, 1, 20.0), new LstmCell(9, 100)};
        if (System.getProperty("ntm.only") != null) cells = new Cell[] {cells[0]};
        for (Cell cell : cells) {
            Parameters w = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT32, true);
            cell.initialize(w, new SplittableRandom(1));
            Parameters g = Parameters.zeros(cell.parameterLayout(), Precision.FLOAT32, false);
            Unroll u = new Unroll(cell, batch, Precision.FLOAT32, false);
            u.ensureCapacity(steps);
            SplittableRandom rng = new SplittableRandom(2);
            for (int t = 0; t < steps; t++) for (int b = 0; b < batch; b++) u.input(t).set(b, rng.nextInt(9), 1);
            if (cell instanceof NtmCell) {
                NtmCell n = (NtmCell) cell;
                u.initial().part(NtmCell.MEMORY).fill(1e-6);
                for (int b = 0; b < batch; b++) u.initial().part(n.head(0).weightingName()).set(b, 0, 1);
            }
            State d0 = State.zeros(cell.stateParts(), batch, Precision.FLOAT32);
            long fwd = 0, bwd = 0;
            int reps = 60, warm = 20;
            for (int rep = 0; rep < reps; rep++) {
                long t0 = System.nanoTime();
                Bptt.FULL.forward(w, u, steps);
                long t1 = System.nanoTime();
                g.zero();
                Bptt.FULL.backward(w, g, u, steps, (t, z, dz) -> {
                    dz.part(0).addScalar(1e-3);
                    return 0;
                }, null, d0);
                long t2 = System.nanoTime();
                if (rep >= warm) {
                    fwd += t1 - t0;
                    bwd += t2 - t1;
                }
            }
            double n = (reps - warm) * (double) steps;
            System.err.printf("TIMING %s: forward %.1f us/step, backward %.1f us/step, total %.1f us/step%n",
                    cell.getClass().getSimpleName(), fwd / n / 1e3, bwd / n / 1e3, (fwd + bwd) / n / 1e3);
        }
    }
}
