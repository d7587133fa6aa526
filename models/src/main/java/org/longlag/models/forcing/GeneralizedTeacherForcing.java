package org.longlag.models.forcing;

import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.cell.State;
import org.longlag.models.tensor.Mat;

/** {@link GeneralizedForcing} with a fixed alpha, bound to a shard of a batch. */
final class GeneralizedTeacherForcing implements TeacherForcing {

    private final double alpha;
    private final TeacherSignal signal;
    private final int firstRow;
    private final double[] y;
    private final double[] zData;

    GeneralizedTeacherForcing(double alpha, TeacherSignal signal, int firstRow) {
        this.alpha = alpha;
        this.signal = signal;
        this.firstRow = firstRow;
        this.y = signal.observationBuffer();
        this.zData = signal.unitsBuffer();
    }

    @Override
    public boolean forces(int t) {
        return t >= 0;
    }

    /** The state after step 0 is set from data (alpha 1); later steps mix with alpha. */
    private double alphaAt(int t) {
        return t == 0 ? 1.0 : alpha;
    }

    /** z~ = (1 - alpha) z + alpha z_data on the forced units, z elsewhere. */
    @Override
    public void force(int t, State produced, State fed) {
        signal.requireFits(produced);
        double a = alphaAt(t);
        fed.set(produced);
        Mat z = fed.part(0);
        int n = signal.units();
        for (int r = 0; r < z.rows(); r++) {
            signal.infer(firstRow + r, t, y, zData);
            for (int k = 0; k < n; k++) z.set(r, k, (1 - a) * z.get(r, k) + a * zData[k]);
        }
    }

    /** dL/dz = (1 - alpha) dL/dz~ on the forced units, dL/dz~ elsewhere. */
    @Override
    public void backward(int t, State produced, State dFed) {
        double keep = 1 - alphaAt(t);
        Mat d = dFed.part(0);
        int n = signal.units();
        for (int r = 0; r < d.rows(); r++) {
            for (int k = 0; k < n; k++) d.set(r, k, keep * d.get(r, k));
        }
    }
}
