package org.longlag.models.forcing;

import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;

/** The alpha of one training run under {@link GeneralizedForcing}. */
final class GeneralizedForcingSession implements ForcingSession {

    private final GeneralizedForcing config;
    private double alpha;

    GeneralizedForcingSession(GeneralizedForcing config) {
        this.config = config;
        this.alpha = config.alpha();
    }

    @Override
    public double alpha() {
        return alpha;
    }

    @Override
    public BatchForcing prepare(SequenceModel model, SequenceBatch batch, int step) {
        TeacherSignal signal = new TeacherSignal(batch, Inverses.of(model));
        if (config.method() != AlphaMethod.CONSTANT && step % config.updateInterval() == 0) {
            double target = config.method() == AlphaMethod.PRODUCT_BOUND ? JacobianProductBound.alpha(model, signal) : 0;
            alpha = anneal(alpha, target, config.decay());
        }
        double a = alpha;
        return (from, to) -> new GeneralizedTeacherForcing(a, signal, from);
    }

    /** alpha* if alpha* &gt; alpha, else decay alpha + (1 - decay) alpha* */
    static double anneal(double alpha, double target, double decay) {
        return target > alpha ? target : decay * alpha + (1 - decay) * target;
    }
}
