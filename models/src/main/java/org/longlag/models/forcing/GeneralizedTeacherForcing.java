package org.longlag.models.forcing;

/** {@link GeneralizedForcing} with a fixed alpha, bound to a shard of a batch: every step is forced. */
final class GeneralizedTeacherForcing extends DataTeacherForcing {

    private final double alpha;

    GeneralizedTeacherForcing(double alpha, TeacherSignal signal, int firstRow) {
        super(signal, firstRow);
        this.alpha = alpha;
    }

    @Override
    public boolean forces(int t) {
        return t >= 0;
    }

    /** The state after step 0 is set from data (alpha 1); later steps mix with alpha. */
    @Override
    double alphaAt(int t) {
        return t == 0 ? 1.0 : alpha;
    }
}
