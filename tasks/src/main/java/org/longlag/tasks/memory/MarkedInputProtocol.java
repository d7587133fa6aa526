package org.longlag.tasks.memory;

import java.util.Locale;

/** Which published protocol the addition and multiplication tasks follow. */
public enum MarkedInputProtocol {

    /**
     * Schmidt et al. ICLR 2021 (DurstewitzLab/reg-PLRNN {@code benchmark_run/gdplrnn/datasets.py}):
     * length T; values U[0, 1); first marker in [0, 10), second in [0, T/2), both redrawn while
     * equal; target f(x1, x2) at the last step.
     */
    REG_PLRNN,

    /**
     * Hochreiter & Schmidhuber 1997, experiments 4 and 5: length uniform in [T, T + T/10]; addition
     * values U[-1, 1] with target 0.5 + (x1 + x2)/4, multiplication values U[0, 1] with target
     * x1 x2; first marker among the first 10 pairs, second among the first T/2 - 1 unmarked pairs;
     * marker channel -1 at the first and last pair unless marked; if the first pair is marked its
     * value is the operation's neutral element (0 for addition, as the paper says; 1 for
     * multiplication, our reading).
     */
    HOCHREITER_1997;

    public static MarkedInputProtocol parse(String s) {
        switch (s.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "reg-plrnn": case "regplrnn": case "plrnn": return REG_PLRNN;
            case "hochreiter": case "hochreiter-1997": case "hs97": case "lstm97": return HOCHREITER_1997;
            default: throw new IllegalArgumentException("unknown protocol '" + s + "': expected reg-plrnn or hochreiter-1997");
        }
    }

    public String label() {
        return this == REG_PLRNN ? "reg-plrnn" : "hochreiter-1997";
    }
}
