package org.longlag.tasks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a {@link LocatedTree}, collecting one problem per bad key or value
 * ("file:line:col: key: expects ..., got ...") instead of stopping at the first.
 */
final class Fields {

    final LocatedTree tree;
    final List<String> problems = new ArrayList<>();

    Fields(LocatedTree tree) {
        this.tree = tree;
    }

    void problem(String path, String message) {
        problems.add(tree.at(path) + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Checks that {@code node} is a mapping with only {@code allowed} keys. */
    boolean mapping(JsonNode node, String path, List<String> allowed) {
        if (node == null || !node.isObject()) {
            problem(path, "expects a mapping (key: value lines), got " + show(node));
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) problem(child(path, k), "unknown key '" + k + "'; known keys here: " + String.join(", ", allowed));
        }
        return true;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "an empty value";
        if (n.isObject()) return "a mapping";
        if (n.isArray()) return "a list";
        return "'" + n.asText() + "'";
    }

    Integer integer(JsonNode n, String path, long min) {
        Long v = longValue(n, path, min);
        if (v == null) return null;
        if (v > Integer.MAX_VALUE) {
            problem(path, "expects an integer up to " + Integer.MAX_VALUE + ", got " + show(n));
            return null;
        }
        return v.intValue();
    }

    Long longValue(JsonNode n, String path, long min) {
        Long v = null;
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) v = n.longValue();
        else if (n != null && n.isFloatingPointNumber() && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 9e15) v = (long) n.doubleValue();
        else if (n != null && n.isTextual()) {
            try {
                v = Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if (v == null || v < min) {
            problem(path, "expects " + (min == 1 ? "a positive integer" : min == 0 ? "an integer >= 0" : "an integer") + ", got " + show(n));
            return null;
        }
        return v;
    }

    Double number(JsonNode n, String path, double min, boolean strict) {
        Double v = null;
        if (n != null && n.isNumber()) v = n.doubleValue();
        else if (n != null && n.isTextual()) {
            try {
                v = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if (v == null || !Double.isFinite(v) || (strict ? v <= min : v < min)) {
            problem(path, "expects a number " + (strict ? "> " : ">= ") + trim(min) + ", got " + show(n));
            return null;
        }
        return v;
    }

    Boolean bool(JsonNode n, String path) {
        if (n != null && n.isBoolean()) return n.booleanValue();
        if (n != null && n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) return Boolean.valueOf(n.asText());
        problem(path, "expects true or false, got " + show(n));
        return null;
    }

    String text(JsonNode n, String path) {
        if (n != null && n.isValueNode() && !n.isNull() && !n.asText().isBlank()) return n.asText();
        problem(path, "expects a non-empty text, got " + show(n));
        return null;
    }

    /** A list of integers >= min; a single integer is read as a list of one. */
    <T> List<T> list(JsonNode n, String path, java.util.function.BiFunction<JsonNode, String, T> item) {
        List<T> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            if (n.isEmpty()) problem(path, "expects at least one value, got an empty list");
            for (int i = 0; i < n.size(); i++) {
                T v = item.apply(n.get(i), path + "[" + i + "]");
                if (v != null) out.add(v);
            }
        } else if (n != null && n.isValueNode() && !n.isNull()) {
            T v = item.apply(n, path);
            if (v != null) out.add(v);
        } else {
            problem(path, "expects a value or a list of values, got " + show(n));
        }
        return out;
    }

    /** A scalar as the plain Java value Settings converts (Number, Boolean or String). */
    Object scalar(JsonNode n, String path) {
        if (n == null || !n.isValueNode() || n.isNull()) {
            problem(path, "expects a single value, got " + show(n));
            return null;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        return n.asText();
    }

    static void putIfValid(Map<String, Object> m, String key, Object v) {
        if (v != null) m.put(key, v);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
