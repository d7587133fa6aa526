package org.longlag.dynamics.trajectory;

import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.longlag.dynamics.internal.Checks;

/**
 * Which Commons Math integrator to use and how to configure it: adaptive Dormand-Prince 8(5,3)
 * (the default) or classical fixed-step fourth-order Runge-Kutta.
 */
public sealed interface IntegratorSpec {

    /** Absolute tolerance of the default integrator. */
    double DEFAULT_ABSOLUTE_TOLERANCE = 1e-10;
    /** Relative tolerance of the default integrator. */
    double DEFAULT_RELATIVE_TOLERANCE = 1e-10;

    /** A new Commons Math integrator configured by this spec (integrators are not thread-safe). */
    FirstOrderIntegrator create();

    /**
     * Dormand-Prince 8(5,3) with absolute and relative tolerance 1e-10, minimal step 1e-12 and no
     * maximal step: accurate to well below the sampling resolution of any DSR data set.
     */
    static IntegratorSpec defaults() {
        return new DormandPrince853(1e-12, Double.POSITIVE_INFINITY, DEFAULT_ABSOLUTE_TOLERANCE,
                DEFAULT_RELATIVE_TOLERANCE);
    }

    /** Fixed-step classical Runge-Kutta with the given step. */
    static IntegratorSpec rungeKutta4(double step) {
        return new RungeKutta4(step);
    }

    /**
     * Adaptive Dormand-Prince 8(5,3) ({@link DormandPrince853Integrator}).
     *
     * @param minStep           smallest step allowed, finite &gt; 0 (integration fails below it)
     * @param maxStep           largest step allowed, &gt; 0, may be +infinity
     * @param absoluteTolerance per-step absolute error tolerance, finite &gt; 0
     * @param relativeTolerance per-step relative error tolerance, finite &gt; 0
     */
    record DormandPrince853(double minStep, double maxStep, double absoluteTolerance,
                            double relativeTolerance) implements IntegratorSpec {
        public DormandPrince853 {
            Checks.positive("minStep", minStep);
            if (!(maxStep > 0) || maxStep < minStep) {
                throw new IllegalArgumentException("maxStep must be >= minStep (" + minStep + ") and may be"
                        + " +infinity, was " + maxStep);
            }
            Checks.positive("absoluteTolerance", absoluteTolerance);
            Checks.positive("relativeTolerance", relativeTolerance);
        }

        @Override
        public FirstOrderIntegrator create() {
            return new DormandPrince853Integrator(minStep, maxStep, absoluteTolerance, relativeTolerance);
        }
    }

    /**
     * Classical fixed-step fourth-order Runge-Kutta ({@link ClassicalRungeKuttaIntegrator}). Choose the
     * step as the sampling step divided by a whole number, so samples fall on steps.
     *
     * @param step integration step, finite &gt; 0
     */
    record RungeKutta4(double step) implements IntegratorSpec {
        public RungeKutta4 {
            Checks.positive("step", step);
        }

        @Override
        public FirstOrderIntegrator create() {
            return new ClassicalRungeKuttaIntegrator(step);
        }
    }
}
