package org.longlag.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.longlag.models.cell.Cell;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.TaskShape;

/**
 * The cells the JMH benchmarks compare: those the model catalog's kinds build, by kind name, at
 * the kind's defaults with one input width and hidden size. A name that is no kind fails with the
 * catalog's list of kinds.
 */
final class BenchCells {

    /** The task's longest lag: it matters only to lag-aware initializations (lstm's chrono, off by default). */
    private static final int LAG = 100;

    /** The {@code cell} parameter's placeholder when JMH is run without {@link BenchMain} and without {@code -p cell=...}. */
    static final String FROM_CATALOG = "catalog";

    private BenchCells() {
    }

    /** The cell the kind builds for {@code input} inputs and {@code hidden} hidden units, its other options at their defaults. */
    static Cell create(String kind, int input, int hidden) {
        if (kind.equals(FROM_CATALOG)) {
            throw new IllegalArgumentException("no cells named: give -p cell=KIND[,KIND...] or run the jar's main (BenchMain), which sets the catalog's "
                    + defaults());
        }
        return ModelCatalog.discover().build(kind, new TaskShape(input, input, LAG), Map.of("hidden", hidden)).cell();
    }

    /**
     * The default set of the {@code cell} parameter: every cell class the catalog builds, each by the
     * first kind that builds it (kinds sharing a cell class, as rplrnn and l2plrnn share plrnn's, differ
     * in initialization or in a regularization term of the loss, not in the step).
     */
    static List<String> defaults() {
        ModelCatalog catalog = ModelCatalog.discover();
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        for (String kind : catalog.names()) byClass.putIfAbsent(create(kind, 8, 8).getClass(), kind);
        return new ArrayList<>(byClass.values());
    }
}
