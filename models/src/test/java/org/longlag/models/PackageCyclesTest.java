package org.longlag.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.longlag.models.cell.Cell;

/**
 * No package of the models module depends, through others, on itself: the graph of which package's
 * classes name which package's classes has no cycle. Read from the compiled classes (every name
 * of a class a class file holds: its code, signatures, annotations such as {@code @JsonSubTypes}
 * lists), not from imports, so a fully qualified name counts and a Javadoc link does not.

 */
class PackageCyclesTest {

    private static final String ROOT = "org.longlag.models";
    private static final Pattern NAME = Pattern.compile("org/longlag/models((?:/[a-z_][a-z0-9_]*)*)/[A-Z]");

    /** package -> package it names -> one class that does, for messages. */
    static Map<String, Map<String, String>> dependencies(Path classes) throws IOException {
        Map<String, Map<String, String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String rel = classes.relativize(f).toString().replace('\\', '/');
                String cls = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                String from = cls.substring(0, cls.lastIndexOf('.'));
                if (!from.startsWith(ROOT)) continue;
                Map<String, String> out = g.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher m = NAME.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String to = ROOT + m.group(1).replace('/', '.');
                    if (!to.equals(from)) out.putIfAbsent(to, cls);
                }
            }
        }
        return g;
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Map<String, String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : g.keySet()) {
            if (!index.containsKey(v)) connect(v, g, index, low, stack, out, counter);
        }
        return out;
    }

    private static void connect(String v, Map<String, Map<String, String>> g, Map<String, Integer> index, Map<String, Integer> low,
                                List<String> stack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.add(v);
        for (String w : g.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) out.add(scc);
        }
    }

    /** The edges inside one cycle, each with a class that makes it. */
    private static String describe(Set<String> scc, Map<String, Map<String, String>> g) {
        StringBuilder sb = new StringBuilder(scc.toString()).append(':');
        for (String a : scc) {
            for (Map.Entry<String, String> e : g.getOrDefault(a, Map.of()).entrySet()) {
                if (scc.contains(e.getKey())) sb.append("\n  ").append(a).append(" -> ").append(e.getKey()).append(" (").append(e.getValue()).append(')');
            }
        }
        return sb.toString();
    }

    @Test
    void noPackageOfTheModelsModuleDependsOnItselfThroughOthers() throws Exception {
        Path classes = Path.of(Cell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Map<String, String>> g = dependencies(classes);
        assertTrue(g.containsKey(ROOT + ".cell") && g.containsKey(ROOT + ".memory"), "the main classes of the models module were read: " + g.keySet());
        List<String> unexpected = new ArrayList<>();
        for (Set<String> scc : cycles(g)) {
            unexpected.add(describe(scc, g));
        }
        assertTrue(unexpected.isEmpty(), "package cycles in the models module:\n" + String.join("\n", unexpected));
    }

    /** The check itself finds a cycle, and only a cycle. */
    @Test
    void aCycleIsFoundWithTheClassesThatMakeIt() {
        Map<String, Map<String, String>> g = new TreeMap<>();
        g.put("a", new TreeMap<>(Map.of("b", "a.X")));
        g.put("b", new TreeMap<>(Map.of("c", "b.Y")));
        g.put("c", new TreeMap<>(Map.of("a", "c.Z", "d", "c.W")));
        g.put("d", new TreeMap<>());
        List<Set<String>> found = cycles(g);
        assertEquals(List.of(Set.of("a", "b", "c")), found);
        assertTrue(describe(found.get(0), g).contains("c -> a (c.Z)"), describe(found.get(0), g));
        g.get("c").remove("a");
        assertEquals(List.of(), cycles(g));
    }

    /** The graph is read from the class files: names in signatures and annotations count. */
    @Test
    void readsTheDependenciesTheClassFilesHold() throws Exception {
        Path classes = Path.of(Cell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Map<String, String>> g = dependencies(classes);
        assertTrue(g.get(ROOT + ".cell.ntm").containsKey(ROOT + ".memory"), "the NTM is built from the memory components: " + g.get(ROOT + ".cell.ntm"));
        assertTrue(g.get(ROOT + ".kinds").containsKey(ROOT + ".cell.ntm"), "a class literal in a method counts");
        assertTrue(!g.get(ROOT + ".cell").containsKey(ROOT + ".cell.ntm"), "the cell package names no cell of its subpackage");
    }
}
