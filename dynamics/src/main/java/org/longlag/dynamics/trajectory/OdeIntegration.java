package org.longlag.dynamics.trajectory;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * Integrates an {@link OdeSystem} with a Commons Math integrator: to a final time, or sampled at a
 * uniform step (samples between integrator steps come from the integrator's own dense output, so
 * the sampling step and the integration step are independent).
 */
public final class OdeIntegration {

    private OdeIntegration() {
    }

    /**
     * The state after integrating for {@code duration} time units from {@code x0}.
     *
     * @throws IllegalStateException if the integrator fails or the state becomes non-finite
     */
    public static double[] integrate(OdeSystem system, IntegratorSpec spec, double[] x0, double duration) {
        requireArguments(system, spec, x0);
        Checks.nonNegative("duration", duration);
        double[] y = x0.clone();
        if (duration == 0) {
            return y;
        }
        FirstOrderIntegrator integrator = spec.create();
        try {
            integrator.integrate(asCommons(system), 0.0, y, duration, y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw new IllegalStateException("integration of " + system.name() + " failed: " + e.getMessage(), e);
        }
        requireFinite(system, y, duration);
        return y;
    }

    /**
     * {@code samples} states {@code dt} apart, the first being {@code x0} itself.
     *
     * @return {@code [samples][dimension]}
     * @throws IllegalStateException if the integrator fails or the state becomes non-finite
     */
    public static double[][] sample(OdeSystem system, IntegratorSpec spec, double[] x0, double dt, int samples) {
        requireArguments(system, spec, x0);
        Checks.positive("dt", dt);
        Checks.atLeast("samples", samples, 1);
        double[][] out = new double[samples][];
        out[0] = x0.clone();
        if (samples == 1) {
            return out;
        }
        double tEnd = (samples - 1) * dt;
        FirstOrderIntegrator integrator = spec.create();
        integrator.addStepHandler(new StepHandler() {
            private int next = 1;

            @Override
            public void init(double t0, double[] y0, double t) {
                // nothing to prepare: sample 0 is x0
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                double now = interpolator.getCurrentTime();
                // k * dt is computed exactly as tEnd for k = samples - 1, and the last step ends on tEnd
                while (next < samples && next * dt <= now) {
                    interpolator.setInterpolatedTime(next * dt);
                    out[next] = interpolator.getInterpolatedState().clone();
                    requireFinite(system, out[next], next * dt);
                    next++;
                }
            }
        });
        double[] y = x0.clone();
        try {
            integrator.integrate(asCommons(system), 0.0, y, tEnd, y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw new IllegalStateException("integration of " + system.name() + " failed: " + e.getMessage(), e);
        }
        if (out[samples - 1] == null) {
            // defensive: a step handler that missed the final instant would leave holes
            throw new IllegalStateException("integrator did not reach t = " + tEnd);
        }
        return out;
    }

    /** The system as Commons Math equations (time is ignored: systems are autonomous). */
    public static FirstOrderDifferentialEquations asCommons(OdeSystem system) {
        return new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return system.dimension();
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                system.derivative(y, yDot);
            }
        };
    }

    private static void requireArguments(OdeSystem system, IntegratorSpec spec, double[] x0) {
        if (system == null || spec == null) {
            throw new IllegalArgumentException("system and integrator spec must not be null");
        }
        Checks.finiteVector("initial state", x0, system.dimension());
    }

    private static void requireFinite(OdeSystem system, double[] y, double t) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("state of " + system.name() + " became non-finite at t = " + t
                        + " (diverging solution or too large a step)");
            }
        }
    }
}
