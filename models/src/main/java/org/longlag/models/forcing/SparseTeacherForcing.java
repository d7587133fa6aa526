package org.longlag.models.forcing;

/** {@link SparseForcing} bound to a shard of a batch: the inferred units replaced every {@code interval} steps. */
final class SparseTeacherForcing extends DataTeacherForcing {

    private final int interval;

    SparseTeacherForcing(int interval, TeacherSignal signal, int firstRow) {
        super(signal, firstRow);
        this.interval = interval;
    }

    @Override
    public boolean forces(int t) {
        return t >= 0 && t % interval == 0;
    }

    @Override
    double alphaAt(int t) {
        return 1.0;
    }
}
