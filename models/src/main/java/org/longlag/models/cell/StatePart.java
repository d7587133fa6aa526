package org.longlag.models.cell;

import java.util.List;

/**
 * One named part of a cell's recurrent state, {@code size} values per sample (LSTM: "h" and "c";
 * PLRNN: "z"; NTM: "output", "c", "memory", "weightings"). Code reaches a part by its name
 * ({@link State#part(String)}), so a new part or a reordering does not shift anyone's indices,
 * and an initial state is given per part by name.
 *
 * <p>A part may be made of named segments, consecutive column ranges that are reached by name as
 * well: an NTM's "output" (what the readout sees) is [h_t | reads], and its "weightings" are one
 * segment per head. Segments have no segments of their own; every name, of a part or a segment,
 * is unique within a cell's state.
 *
 * @param name     unique within the state; letters, digits, '_', '-' and '.', starting with a letter
 * @param size     values per sample, at least 1 (the sum of the segments' sizes, if any)
 * @param segments the named column ranges the part is made of, in order; empty for a plain part
 */
public record StatePart(String name, int size, List<StatePart> segments) {

    public StatePart {
        if (!validName(name)) {
            throw new IllegalArgumentException("a state part's name must start with a letter and hold only letters, digits, '_', '-' and '.', got '" + name + "'");
        }
        if (size < 1) throw new IllegalArgumentException("state part '" + name + "' must have at least 1 value, got " + size);
        segments = List.copyOf(CellChecks.notNull("segments", segments));
        if (!segments.isEmpty()) {
            int sum = 0;
            for (StatePart s : segments) {
                if (!s.segments.isEmpty()) throw new IllegalArgumentException("segment '" + s.name + "' of state part '" + name + "' has segments of its own");
                sum += s.size;
            }
            if (sum != size) throw new IllegalArgumentException("the segments of state part '" + name + "' have " + sum + " values, the part " + size);
        }
    }

    /** [A-Za-z][A-Za-z0-9_.-]*, checked without a regex: cells build their parts on every step. */
    private static boolean validName(String name) {
        if (name == null || name.isEmpty() || !letter(name.charAt(0))) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != '-') return false;
        }
        return true;
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A plain part. */
    public StatePart(String name, int size) {
        this(name, size, List.of());
    }

    /** A part made of the given segments, one after another. */
    public static StatePart of(String name, List<StatePart> segments) {
        int size = 0;
        for (StatePart s : segments) size += s.size;
        if (segments.isEmpty()) throw new IllegalArgumentException("state part '" + name + "' needs at least one segment");
        return new StatePart(name, size, segments);
    }

    /**
     * Checks a whole state layout: at least one part, and no name (of a part or a segment) twice.
     *
     * @return the layout, unmodifiable
     */
    public static List<StatePart> checkLayout(List<StatePart> parts) {
        if (parts == null || parts.isEmpty()) throw new IllegalArgumentException("a state needs at least one part");
        List<StatePart> layout = List.copyOf(parts); // the same list if it is unmodifiable already
        // a few names: compare each with those before it, without allocating (states are made on every step)
        for (int i = 0; i < layout.size(); i++) {
            StatePart p = layout.get(i);
            requireNew(layout, i, -1, p.name);
            for (int k = 0; k < p.segments.size(); k++) requireNew(layout, i, k, p.segments.get(k).name);
        }
        return layout;
    }

    /** Throws if a part before part i, or part i itself, or one of its segments before segment k (k = -1: none) has {@code name}. */
    private static void requireNew(List<StatePart> layout, int i, int k, String name) {
        for (int j = 0; j <= i; j++) {
            StatePart q = layout.get(j);
            if (j < i || k >= 0) {
                if (q.name.equals(name)) throw new IllegalArgumentException("two state parts or segments named '" + name + "'");
            }
            int segs = j < i ? q.segments.size() : Math.max(k, 0);
            for (int m = 0; m < segs; m++) {
                if (q.segments.get(m).name.equals(name)) throw new IllegalArgumentException("two state parts or segments named '" + name + "'");
            }
        }
    }

    /** The sizes of the parts, in order. */
    public static int[] sizes(List<StatePart> parts) {
        int[] sizes = new int[parts.size()];
        for (int i = 0; i < sizes.length; i++) sizes[i] = parts.get(i).size;
        return sizes;
    }

    /** Every name of a layout, parts and their segments, in order (for messages). */
    public static List<String> names(List<StatePart> parts) {
        List<String> names = new java.util.ArrayList<>();
        for (StatePart p : parts) {
            names.add(p.name);
            for (StatePart s : p.segments) names.add(s.name);
        }
        return names;
    }

    /**
     * Where {@code name} lies in a layout: the index of its part and the column range within it,
     * or null if no part or segment has that name.
     */
    public static Location locate(List<StatePart> parts, String name) {
        for (int i = 0; i < parts.size(); i++) {
            StatePart p = parts.get(i);
            if (p.name.equals(name)) return new Location(i, 0, p.size, true);
            int offset = 0;
            for (StatePart s : p.segments) {
                if (s.name.equals(name)) return new Location(i, offset, s.size, false);
                offset += s.size;
            }
        }
        return null;
    }

    /**
     * A named part or segment's place in a state layout.
     *
     * @param part   index of the (top-level) part
     * @param offset first column within the part
     * @param size   number of columns
     * @param whole  whether it is the whole part (not one of its segments)
     */
    public record Location(int part, int offset, int size, boolean whole) {
    }
}
