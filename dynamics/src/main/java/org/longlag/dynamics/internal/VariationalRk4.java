package org.longlag.dynamics.internal;

import org.longlag.dynamics.OdeSystem;

/**
 * Classical fourth-order Runge-Kutta on the state together with its variational equations:
 * dx/dt = f(x), dY/dt = J(x) Y, with Y a d x k tangent basis. Integrating both with the same stages
 * keeps the tangent dynamics consistent with the trajectory to fourth order; in fact the tangent
 * result is exactly the Jacobian of the RK4 step map (differentiation and Runge-Kutta discretization
 * commute).
 *
 * <p>Internal to the dynamics module; not part of its API. Not thread-safe (holds stage buffers).
 */
public final class VariationalRk4 {

    private final OdeSystem system;
    private final int d;
    private final int k;
    private final double[][] jac;
    private final double[][] kx = new double[4][];
    private final double[][][] ky = new double[4][][];
    private final double[] xs;
    private final double[][] ys;

    /** For a system and k tangent vectors. */
    public VariationalRk4(OdeSystem system, int k) {
        this.system = system;
        this.d = system.dimension();
        this.k = k;
        this.jac = new double[d][d];
        for (int s = 0; s < 4; s++) {
            kx[s] = new double[d];
            ky[s] = new double[d][k];
        }
        this.xs = new double[d];
        this.ys = new double[d][k];
    }

    /** Advances x and y by one step h in place. */
    public void step(double[] x, double[][] y, double h) {
        rhs(x, y, kx[0], ky[0]);
        stage(x, y, 0.5 * h, 0);
        rhs(xs, ys, kx[1], ky[1]);
        stage(x, y, 0.5 * h, 1);
        rhs(xs, ys, kx[2], ky[2]);
        stage(x, y, h, 2);
        rhs(xs, ys, kx[3], ky[3]);
        double w = h / 6.0;
        for (int i = 0; i < d; i++) {
            x[i] += w * (kx[0][i] + 2 * kx[1][i] + 2 * kx[2][i] + kx[3][i]);
            double[] yi = y[i];
            for (int j = 0; j < k; j++) {
                yi[j] += w * (ky[0][i][j] + 2 * ky[1][i][j] + 2 * ky[2][i][j] + ky[3][i][j]);
            }
        }
    }

    /** Advances only the state (no tangent) by one step h in place. */
    public void stepState(double[] x, double h) {
        system.derivative(x, kx[0]);
        for (int i = 0; i < d; i++) {
            xs[i] = x[i] + 0.5 * h * kx[0][i];
        }
        system.derivative(xs, kx[1]);
        for (int i = 0; i < d; i++) {
            xs[i] = x[i] + 0.5 * h * kx[1][i];
        }
        system.derivative(xs, kx[2]);
        for (int i = 0; i < d; i++) {
            xs[i] = x[i] + h * kx[2][i];
        }
        system.derivative(xs, kx[3]);
        for (int i = 0; i < d; i++) {
            x[i] += h / 6.0 * (kx[0][i] + 2 * kx[1][i] + 2 * kx[2][i] + kx[3][i]);
        }
    }

    private void stage(double[] x, double[][] y, double a, int s) {
        for (int i = 0; i < d; i++) {
            xs[i] = x[i] + a * kx[s][i];
            for (int j = 0; j < k; j++) {
                ys[i][j] = y[i][j] + a * ky[s][i][j];
            }
        }
    }

    private void rhs(double[] x, double[][] y, double[] dx, double[][] dy) {
        system.derivative(x, dx);
        system.jacobian(x, jac);
        multiply(jac, y, dy);
    }

    /** out = a b for dense row-major matrices; out may not alias a or b. */
    public static void multiply(double[][] a, double[][] b, double[][] out) {
        int n = a.length;
        int m = b.length;
        int cols = b[0].length;
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            java.util.Arrays.fill(oi, 0.0);
            double[] ai = a[i];
            for (int l = 0; l < m; l++) {
                double v = ai[l];
                if (v != 0) {
                    double[] bl = b[l];
                    for (int j = 0; j < cols; j++) {
                        oi[j] += v * bl[j];
                    }
                }
            }
        }
    }
}
