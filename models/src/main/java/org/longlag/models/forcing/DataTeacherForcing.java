package org.longlag.models.forcing;

import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

/**
 * Teacher forcing from a {@link TeacherSignal}, bound to a shard of a batch (rows from
 * {@code firstRow}): at a forced step the units the signal infers from data are mixed in as
 * z~ = (1 - alpha) z + alpha z_data, alpha = 1 replacing them. Subclasses say when and how much.
 */
abstract class DataTeacherForcing implements TeacherForcing {

    private final TeacherSignal signal;
    private final int firstRow;
    private final double[] y;
    private final double[] zData;

    DataTeacherForcing(TeacherSignal signal, int firstRow) {
        this.signal = signal;
        this.firstRow = firstRow;
        this.y = signal.observationBuffer();
        this.zData = signal.unitsBuffer();
    }

    /** alpha at a forced step t: the weight of the data-inferred units. */
    abstract double alphaAt(int t);

    /** z~ = (1 - alpha) z + alpha z_data on the forced units (z_data itself for alpha 1), z elsewhere. */
    @Override
    public final void force(int t, State produced, State fed) {
        signal.requireFits(produced);
        double a = alphaAt(t);
        fed.set(produced);
        Mat z = fed.part(0);
        int n = signal.units();
        for (int r = 0; r < z.rows(); r++) {
            signal.infer(firstRow + r, t, y, zData);
            for (int k = 0; k < n; k++) z.set(r, k, a == 1 ? zData[k] : (1 - a) * z.get(r, k) + a * zData[k]);
        }
    }

    /** dL/dz = (1 - alpha) dL/dz~ on the forced units (0 for alpha 1), dL/dz~ elsewhere. */
    @Override
    public final void backward(int t, State produced, State dFed) {
        double keep = 1 - alphaAt(t);
        Mat d = dFed.part(0);
        int n = signal.units();
        for (int r = 0; r < d.rows(); r++) {
            for (int k = 0; k < n; k++) d.set(r, k, keep == 0 ? 0 : keep * d.get(r, k));
        }
    }
}
