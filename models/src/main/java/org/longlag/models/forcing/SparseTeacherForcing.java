package org.longlag.models.forcing;

import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

/** {@link SparseForcing} bound to a shard of a batch. */
final class SparseTeacherForcing implements TeacherForcing {

    private final int interval;
    private final TeacherSignal signal;
    private final int firstRow;
    private final double[] y;
    private final double[] zData;

    SparseTeacherForcing(int interval, TeacherSignal signal, int firstRow) {
        this.interval = interval;
        this.signal = signal;
        this.firstRow = firstRow;
        this.y = signal.observationBuffer();
        this.zData = signal.unitsBuffer();
    }

    @Override
    public boolean forces(int t) {
        return t >= 0 && t % interval == 0;
    }

    /** z~ = z_data on the forced units, z elsewhere. */
    @Override
    public void force(int t, State produced, State fed) {
        signal.requireFits(produced);
        fed.set(produced);
        Mat z = fed.part(0);
        int n = signal.units();
        for (int r = 0; r < z.rows(); r++) {
            signal.infer(firstRow + r, t, y, zData);
            for (int k = 0; k < n; k++) z.set(r, k, zData[k]);
        }
    }

    /** dL/dz = dL/dz~ on the free units, 0 on the replaced ones. */
    @Override
    public void backward(int t, State produced, State dFed) {
        Mat d = dFed.part(0);
        int n = signal.units();
        for (int r = 0; r < d.rows(); r++) {
            for (int k = 0; k < n; k++) d.set(r, k, 0);
        }
    }
}
