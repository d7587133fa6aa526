package org.longlag.dynamics.lyapunov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.Tolerances;
import org.longlag.dynamics.systems.Lorenz63;
import org.longlag.dynamics.systems.VanDerPol;

/**
 * Lorenz-63 spectrum with the default options (RK4 step 0.01, transient 100, averaging time 1000,
 * QR every 0.1): about 0.1 s. Finite-time estimates of lambda_max at T = 1000 scatter by about 0.5%
 * over initial states, well inside the 2% tolerance.
 */
class LorenzLyapunovTest {

    @Test
    void fullSpectrumMatchesPublishedValues() {
        LyapunovResult r = LyapunovSpectrum.of(new Lorenz63(), OdeLyapunovOptions.defaults());
        double[] l = r.exponents();
        assertEquals(3, l.length);
        assertEquals(Tolerances.LORENZ_LAMBDA_MAX, l[0], Tolerances.LORENZ_LAMBDA_MAX_RELATIVE * Tolerances.LORENZ_LAMBDA_MAX, r.toString());
        assertEquals(0.0, l[1], Tolerances.FLOW_ZERO_EXPONENT, r.toString());
        assertEquals(Tolerances.LORENZ_LAMBDA_MIN, l[2], Tolerances.LORENZ_LAMBDA_MIN_RELATIVE * -Tolerances.LORENZ_LAMBDA_MIN, r.toString());
        assertEquals(Tolerances.LORENZ_SUM, r.sum(), Tolerances.LORENZ_SUM_RELATIVE * -Tolerances.LORENZ_SUM, r.toString());
        // Kaplan-Yorke dimension from the published exponents: 2 + 0.9056 / 14.5723 = 2.062
        assertEquals(2 + Tolerances.LORENZ_LAMBDA_MAX / -Tolerances.LORENZ_LAMBDA_MIN, r.kaplanYorkeDimension(), 0.01);
        assertEquals(1000.0, r.averagingTime(), 1e-9);
    }

    @Test
    void maximalExponentAloneFromAnotherStart() {
        double lambda = LyapunovSpectrum.maximal(new Lorenz63(),
                OdeLyapunovOptions.defaults().withInitialState(new double[] {-3, 2, 20}));
        assertEquals(Tolerances.LORENZ_LAMBDA_MAX, lambda, Tolerances.LORENZ_LAMBDA_MAX_RELATIVE * Tolerances.LORENZ_LAMBDA_MAX);
    }

    @Test
    void limitCycleHasAZeroAndANegativeExponent() {
        LyapunovResult r = LyapunovSpectrum.of(VanDerPol.withMu(1.0), OdeLyapunovOptions.defaults().withTotalTime(300));
        assertEquals(0.0, r.exponents()[0], Tolerances.FLOW_ZERO_EXPONENT, r.toString());
        assertTrue(r.exponents()[1] < -0.5, r.toString());
        assertEquals(0.0, r.kaplanYorkeDimension(), 0.05, r.toString());
    }
}
