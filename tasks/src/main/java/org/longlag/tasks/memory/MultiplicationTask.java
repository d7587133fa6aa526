package org.longlag.tasks.memory;

/** The multiplication problem: output x1 x2 of the two marked values. See {@link MarkedInputProtocol}. */
public final class MultiplicationTask extends MarkedInputTask {

    public MultiplicationTask(int lag, MarkedInputProtocol protocol, double solvedFraction) {
        super(lag, protocol, solvedFraction);
    }

    /** The reg-PLRNN protocol, solved at fraction correct >= 0.9. */
    public static MultiplicationTask of(int lag) {
        return new MultiplicationTask(lag, MarkedInputProtocol.REG_PLRNN, 0.9);
    }

    @Override
    public String name() {
        return "multiplication";
    }

    @Override
    protected double target(double x1, double x2) {
        return x1 * x2;
    }

    @Override
    protected double valueLow() {
        return 0;
    }

    @Override
    protected double neutralValue() {
        return 1;
    }

    /**
     * REG_PLRNN: Var(x1 x2) = E[x^2]^2 - E[x]^4 = 1/9 - 1/16 = 7/144 = 0.0486 for x ~ U[0, 1).
     * HOCHREITER_1997: with probability q ({@link #neutralProbability()}) the product is one U[0, 1]
     * value (mean 1/2, second moment 1/3), else a product of two (1/4, 1/9); the variance is the
     * mixture's second moment minus its squared mean (0.06093 at T = 50).
     */
    @Override
    public double chanceMse() {
        if (protocol() == MarkedInputProtocol.REG_PLRNN) return 7.0 / 144;
        double q = neutralProbability();
        double mean = q / 2 + (1 - q) / 4;
        return q / 3 + (1 - q) / 9 - mean * mean;
    }
}
