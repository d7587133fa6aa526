package org.longlag.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of the benchmark mains; an unknown or malformed one is an error naming it. */
final class BenchArgs {

    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    static BenchArgs parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected '--name value', got '" + args[i] + "'");
            m.put(args[i].substring(2), args[++i]);
        }
        return new BenchArgs(m);
    }

    /** Fails naming the options that no getter asked for (call after reading every option). */
    void requireAllUsed() {
        if (!values.isEmpty()) throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", new java.util.TreeSet<>(values.keySet())));
    }

    /** A required option. */
    String getString(String name) {
        String v = values.remove(name);
        if (v == null) throw new IllegalArgumentException("missing option --" + name);
        return v;
    }

    String getString(String name, String def) {
        String v = values.remove(name);
        return v == null ? def : v;
    }

    int getInt(String name, int def) {
        String v = values.remove(name);
        try {
            return v == null ? def : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects an integer, got '" + v + "'");
        }
    }

    double getDouble(String name, double def) {
        String v = values.remove(name);
        try {
            return v == null ? def : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number, got '" + v + "'");
        }
    }

    int[] getInts(String name, int[] def) {
        String v = values.remove(name);
        if (v == null) return def;
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " expects comma-separated integers, got '" + v + "'");
            }
        }
        return out;
    }
}
