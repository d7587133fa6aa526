package org.longlag.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.longlag.models.registry.ModelCatalog;

/**
 * The JMH jar's main: JMH's own ({@code org.openjdk.jmh.Main}, every option as documented by
 * {@code -h}), with {@code -p cell=...} set to {@link BenchCells#defaults} unless the command line
 * gives the cells itself (then each must be a kind of the catalog), so that the cell list is the
 * model catalog's and kept nowhere by hand.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] all;
        try {
            all = withDefaultCells(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        org.openjdk.jmh.Main.main(all);
    }

    /** The arguments with the default cells added, or as they are when they name cells, each checked against the catalog. */
    static String[] withDefaultCells(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String p = args[i].startsWith("-pcell=") ? args[i].substring(2) : args[i].equals("-p") && i + 1 < args.length ? args[i + 1] : "";
            if (!p.startsWith("cell=")) continue;
            ModelCatalog catalog = ModelCatalog.discover();
            for (String kind : p.substring("cell=".length()).split(",")) catalog.kind(kind.trim()); // an unknown kind fails here, naming the known ones
            return args;
        }
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-p");
        all.add("cell=" + String.join(",", BenchCells.defaults()));
        return all.toArray(String[]::new);
    }
}
