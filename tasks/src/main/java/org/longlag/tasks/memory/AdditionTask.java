package org.longlag.tasks.memory;

/**
 * The addition problem: output the sum of the two marked values (REG_PLRNN) or 0.5 + (x1 + x2)/4
 * (HOCHREITER_1997). See {@link MarkedInputProtocol}.
 */
public final class AdditionTask extends MarkedInputTask {

    public AdditionTask(int lag, MarkedInputProtocol protocol, double solvedFraction) {
        super(lag, protocol, solvedFraction);
    }

    /** The reg-PLRNN protocol, solved at fraction correct >= 0.9. */
    public static AdditionTask of(int lag) {
        return new AdditionTask(lag, MarkedInputProtocol.REG_PLRNN, 0.9);
    }

    @Override
    public String name() {
        return "addition";
    }

    @Override
    protected double target(double x1, double x2) {
        return protocol() == MarkedInputProtocol.REG_PLRNN ? x1 + x2 : 0.5 + (x1 + x2) / 4;
    }

    @Override
    protected double valueLow() {
        return -1;
    }

    @Override
    protected double neutralValue() {
        return 0;
    }

    /**
     * REG_PLRNN: Var(x1 + x2) = 2/12 = 0.1667 for x ~ U[0, 1). HOCHREITER_1997: Var(x1 + x2)/16 where,
     * with probability q ({@link #neutralProbability()}), one of the two is the neutral 0 and the other
     * U[-1, 1] (variance 1/3), else both are U[-1, 1]: (q/3 + (1 - q) 2/3)/16 (0.03877 at T = 50).
     */
    @Override
    public double chanceMse() {
        if (protocol() == MarkedInputProtocol.REG_PLRNN) return 2.0 / 12;
        double q = neutralProbability();
        return (q / 3 + (1 - q) * 2.0 / 3) / 16;
    }
}
