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
     * HOCHREITER_1997: x1 = 1 with probability 1/10, else U[0, 1]: E[x1] = 0.55, E[x1^2] = 0.4, so
     * Var = 0.4/3 - (0.55 * 0.5)^2 = 0.05771.
     */
    @Override
    public double chanceMse() {
        return protocol() == MarkedInputProtocol.REG_PLRNN ? 7.0 / 144 : 0.4 / 3 - 0.275 * 0.275;
    }
}
