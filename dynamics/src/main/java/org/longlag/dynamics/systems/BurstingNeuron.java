package org.longlag.dynamics.systems;

import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.internal.Checks;

/**
 * The three-variable bursting neuron of Durstewitz (2009), the multiple-time-scale benchmark of the
 * Durstewitz lab's dynamical-system-reconstruction papers (the reg-PLRNN paper, Schmidt et al., ICLR
 * 2021, and later ones). State (V, n, h): membrane potential [mV], a fast K+ gate (tau_n = 1 ms) and
 * a slow M-current gate (tau_h = 200 ms); the slow gate switches the fast spiking on and off, so
 * spikes come in bursts:
 * <pre>
 *   C_m dV/dt = I - g_L (V - E_L) - g_Na m_inf(V) (V - E_Na) - g_K n (V - E_K)
 *               - g_M h (V - E_K) - g_NMDA s_inf(V) (V - E_NMDA)
 *   dn/dt     = (n_inf(V) - n) / tau_n
 *   dh/dt     = (h_inf(V) - h) / tau_h
 *   x_inf(V)  = 1 / (1 + exp((V_x - V) / k_x))            for x = m (Na), n (K), h (M)
 *   s_inf(V)  = 1 / (1 + 0.33 exp(-0.0625 V))             (NMDA Mg2+ block, Jahr &amp; Stevens 1990)
 * </pre>
 * Time is in ms. The NMDA conductance g_NMDA is the bifurcation parameter. The default g_NMDA = 10.2
 * is the reference code's "standard_bursting" benchmark; integrated here it settles on regular
 * bursts of about 11 spikes (inter-spike interval about 4 ms) every about 148 ms, while the slow gate
 * h sweeps 0.044..0.063: fast and slow time scales differing by more than an order of magnitude.
 *
 * <p>Sources: D. Durstewitz, "Implications of synaptic biophysics for recurrent network dynamics
 * and active memory", Neural Networks 22, 1189-1200 (2009), for the model; parameter values and
 * the default initial state as in the Durstewitz lab's benchmark code ({@code bursting_neuron}
 * in their Julia benchmark-system generators, the "standard_bursting" system).
 */
public final class BurstingNeuron implements OdeSystem {

    /** Registry name. */
    public static final String NAME = "bursting";

    // Mg2+ block of the NMDA current (Jahr & Stevens 1990); fixed by the model, not a parameter.
    private static final double MG_BLOCK_FACTOR = 0.33;
    private static final double MG_BLOCK_SLOPE = 0.0625;

    /**
     * Parameters of {@link BurstingNeuron}. Conductances in mS/cm^2 (&gt;= 0), potentials in mV
     * (finite), slopes k in mV (&gt; 0), time constants in ms (&gt; 0), capacitance &gt; 0.
     */
    public record Parameters(
            double current,
            double capacitance,
            double gLeak, double eLeak,
            double gNa, double eNa, double vHalfNa, double kNa,
            double gK, double eK, double vHalfK, double kK, double tauN,
            double gM, double vHalfM, double kM, double tauH,
            double gNmda, double eNmda) {

        public Parameters {
            Checks.finite("current", current);
            Checks.positive("capacitance", capacitance);
            Checks.nonNegative("gLeak", gLeak);
            Checks.finite("eLeak", eLeak);
            Checks.nonNegative("gNa", gNa);
            Checks.finite("eNa", eNa);
            Checks.finite("vHalfNa", vHalfNa);
            Checks.positive("kNa", kNa);
            Checks.nonNegative("gK", gK);
            Checks.finite("eK", eK);
            Checks.finite("vHalfK", vHalfK);
            Checks.positive("kK", kK);
            Checks.positive("tauN", tauN);
            Checks.nonNegative("gM", gM);
            Checks.finite("vHalfM", vHalfM);
            Checks.positive("kM", kM);
            Checks.positive("tauH", tauH);
            Checks.nonNegative("gNmda", gNmda);
            Checks.finite("eNmda", eNmda);
        }

        /** The standard bursting benchmark, g_NMDA = 10.2. */
        public static Parameters defaults() {
            return new Parameters(
                    0.0, 6.0,
                    8.0, -80.0,
                    20.0, 60.0, -20.0, 15.0,
                    10.0, -90.0, -25.0, 5.0, 1.0,
                    25.0, -15.0, 5.0, 200.0,
                    10.2, 0.0);
        }

        /** A copy with another NMDA conductance (the bifurcation parameter). */
        public Parameters withGNmda(double value) {
            return new Parameters(current, capacitance, gLeak, eLeak, gNa, eNa, vHalfNa, kNa,
                    gK, eK, vHalfK, kK, tauN, gM, vHalfM, kM, tauH, value, eNmda);
        }
    }

    private final Parameters p;

    public BurstingNeuron() {
        this(Parameters.defaults());
    }

    public BurstingNeuron(Parameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.p = parameters;
    }

    public Parameters parameters() {
        return p;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 3;
    }

    private static double boltzmann(double v, double vHalf, double k) {
        return 1.0 / (1.0 + Math.exp((vHalf - v) / k));
    }

    private static double nmdaBlock(double v) {
        return 1.0 / (1.0 + MG_BLOCK_FACTOR * Math.exp(-MG_BLOCK_SLOPE * v));
    }

    @Override
    public void derivative(double[] s, double[] d) {
        double v = s[0];
        double n = s[1];
        double h = s[2];
        double current = p.current()
                - p.gLeak() * (v - p.eLeak())
                - p.gNa() * boltzmann(v, p.vHalfNa(), p.kNa()) * (v - p.eNa())
                - p.gK() * n * (v - p.eK())
                - p.gM() * h * (v - p.eK())
                - p.gNmda() * nmdaBlock(v) * (v - p.eNmda());
        d[0] = current / p.capacitance();
        d[1] = (boltzmann(v, p.vHalfK(), p.kK()) - n) / p.tauN();
        d[2] = (boltzmann(v, p.vHalfM(), p.kM()) - h) / p.tauH();
    }

    @Override
    public void jacobian(double[] s, double[][] j) {
        double v = s[0];
        double n = s[1];
        double h = s[2];
        double m = boltzmann(v, p.vHalfNa(), p.kNa());
        double dm = m * (1.0 - m) / p.kNa();
        double b = nmdaBlock(v);
        double db = MG_BLOCK_SLOPE * b * (1.0 - b);
        double nInf = boltzmann(v, p.vHalfK(), p.kK());
        double hInf = boltzmann(v, p.vHalfM(), p.kM());
        double c = p.capacitance();

        j[0][0] = (-p.gLeak()
                - p.gNa() * (dm * (v - p.eNa()) + m)
                - p.gK() * n
                - p.gM() * h
                - p.gNmda() * (db * (v - p.eNmda()) + b)) / c;
        j[0][1] = -p.gK() * (v - p.eK()) / c;
        j[0][2] = -p.gM() * (v - p.eK()) / c;
        j[1][0] = nInf * (1.0 - nInf) / p.kK() / p.tauN();
        j[1][1] = -1.0 / p.tauN();
        j[1][2] = 0.0;
        j[2][0] = hInf * (1.0 - hInf) / p.kM() / p.tauH();
        j[2][1] = 0.0;
        j[2][2] = -1.0 / p.tauH();
    }

    /** (-24.4694 mV, 0.0386, 0.0231), the initial state of the reference benchmark code. */
    @Override
    public double[] defaultInitialState() {
        return new double[] {-24.4694, 0.0386, 0.0231};
    }

    @Override
    public String toString() {
        return NAME + p;
    }
}
