package org.longlag.dynamics;

/**
 * x'' = -omega^2 x as a first-order system (x, v): a linear ODE with the analytic solution
 * x(t) = x0 cos(omega t) + v0/omega sin(omega t), used as the golden reference for integrators.
 */
public final class HarmonicOscillator implements OdeSystem {

    private final double omega;

    public HarmonicOscillator(double omega) {
        this.omega = omega;
    }

    @Override
    public String name() {
        return "harmonic";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void derivative(double[] x, double[] dxdt) {
        dxdt[0] = x[1];
        dxdt[1] = -omega * omega * x[0];
    }

    @Override
    public void jacobian(double[] x, double[][] jac) {
        jac[0][0] = 0;
        jac[0][1] = 1;
        jac[1][0] = -omega * omega;
        jac[1][1] = 0;
    }

    @Override
    public double[] defaultInitialState() {
        return new double[] {1.0, 0.0};
    }

    /** The exact state at time t from x0. */
    public double[] exact(double[] x0, double t) {
        double c = Math.cos(omega * t);
        double s = Math.sin(omega * t);
        return new double[] {x0[0] * c + x0[1] / omega * s, -x0[0] * omega * s + x0[1] * c};
    }
}
