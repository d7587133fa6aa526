package org.longlag.tasks.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory length found by search instead of by a grid of lags ({@code lags: {search: {from: 10, to:
 * 5000, seeds: 5, resolution: 0.1}}}). Each probe trains the model at one lag on seeds 1..{@code seeds};
 * a probe is solved when a strict majority of them solve the task (the rule of {@code
 * report/MemoryLength}). Doubling: probe {@code from}, 2 from, 4 from, ... (the last capped at {@code
 * to}) until a probe fails; then bisection between the last solved lag {@code lo} and the first
 * failed lag {@code hi} (midpoint, rounded down) until {@code hi - lo <= resolution * lo} or the two are
 * adjacent integers. The memory length is the interval [lo, hi].
 *
 * <p>{@link #next} is a pure function of the probes' outcomes so far, which are read from the
 * finished records of the results store: an interrupted search is resumed from the store by
 * calling it again, and two processes reading the same store take the same steps.
 *
 * @param from       first lag probed (at least 1)
 * @param to         largest lag probed (above {@code from})
 * @param seeds      seeds per probe (1..seeds), at least 1
 * @param resolution relative width at which the bisection stops, above 0
 */
public record LagSearch(int from, int to, int seeds, double resolution) {

    public static final List<String> KEYS = List.of("from", "to", "seeds", "resolution");

    public LagSearch {
        if (from < 1) throw new IllegalArgumentException("lags.search.from must be at least 1, got " + from);
        if (to <= from) throw new IllegalArgumentException("lags.search: 'to' (" + to + ") must be above 'from' (" + from + "): the bounds are inverted or equal");
        if (seeds < 1) throw new IllegalArgumentException("lags.search.seeds must be at least 1, got " + seeds);
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("lags.search.resolution must be a number above 0 (a relative width, e.g. 0.1), got " + resolution);
        }
    }

    /** The seeds of every probe: 1..{@link #seeds}. */
    public List<Long> seedList() {
        List<Long> s = new ArrayList<>();
        for (long i = 1; i <= seeds; i++) s.add(i);
        return s;
    }

    /** A probe's outcome: of the seeds finished at a lag, how many solved the task. */
    public record Outcome(int run, int solved) {
        public boolean majoritySolved(int seeds) {
            return 2 * solved > seeds;
        }
    }

    /**
     * Where the search stands.
     *
     * @param probe         the lag to probe next, or 0 when the search is done
     * @param longestSolved the largest lag solved so far (0 if none)
     * @param shortestFailed the smallest failed lag above it (0 if none yet)
     * @param probes        every lag the search has probed or is probing, in the order it took them
     */
    public record Step(int probe, int longestSolved, int shortestFailed, List<Integer> probes) {
        public boolean done() {
            return probe == 0;
        }
    }

    /**
     * The next step given the outcomes so far (by lag; a probe counts once all its seeds are in).
     * Outcomes at lags the search did not take (a grid's runs in the same store) are not used.
     */
    public Step next(Map<Integer, Outcome> outcomes) {
        List<Integer> probes = new ArrayList<>();
        int lo = 0, hi = 0;
        int lag = from;
        while (true) { // doubling
            probes.add(lag);
            Boolean solved = solved(outcomes.get(lag));
            if (solved == null) return new Step(lag, lo, hi, probes);
            if (!solved) {
                hi = lag;
                break;
            }
            lo = lag;
            if (lag >= to) return new Step(0, lo, 0, probes); // solved at the top: memory length >= to
            lag = (int) Math.min((long) to, 2L * lag);
        }
        if (lo == 0) return new Step(0, 0, hi, probes); // failed at 'from'
        while (hi - lo > 1 && hi - lo > resolution * lo) { // bisection
            int mid = lo + (hi - lo) / 2;
            probes.add(mid);
            Boolean solved = solved(outcomes.get(mid));
            if (solved == null) return new Step(mid, lo, hi, probes);
            if (solved) lo = mid;
            else hi = mid;
        }
        return new Step(0, lo, hi, probes);
    }

    private Boolean solved(Outcome o) {
        if (o == null || o.run() < seeds) return null;
        return o.majoritySolved(seeds);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("seeds", seeds);
        m.put("resolution", resolution);
        return m;
    }
}
