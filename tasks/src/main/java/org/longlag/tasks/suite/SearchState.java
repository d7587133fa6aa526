package org.longlag.tasks.suite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Where a lag search stands, read from the finished records of a store (see {@link LagSearch#next}). */
public final class SearchState {

    private SearchState() {
    }

    /**
     * @param probe    the runs of the search's probe at a lag (one per seed)
     * @param finished the store's finished records by key
     */
    public static LagSearch.Step step(Suite.Search s, IntFunction<List<SuiteRun>> probe, Map<String, StoredRecord> finished) {
        Map<Integer, LagSearch.Outcome> outcomes = new HashMap<>();
        while (true) {
            LagSearch.Step step = s.search().next(outcomes);
            if (step.done()) return step;
            int run = 0, solved = 0;
            for (SuiteRun r : probe.apply(step.probe())) {
                StoredRecord rec = finished.get(r.key());
                if (rec == null) continue;
                run++;
                if (rec.node().at("/summary/solved").asBoolean(false)) solved++;
            }
            if (run < s.search().seeds()) return step;
            outcomes.put(step.probe(), new LagSearch.Outcome(run, solved));
        }
    }
}
