package org.longlag.models.cell;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    public StatePart {
        if (name == null || !NAME.matcher(name).matches()) {
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
        Set<String> seen = new HashSet<>();
        for (StatePart p : parts) {
            CellChecks.notNull("state part", p);
            if (!seen.add(p.name)) throw new IllegalArgumentException("two state parts or segments named '" + p.name + "'");
            for (StatePart s : p.segments) {
                if (!seen.add(s.name)) throw new IllegalArgumentException("two state parts or segments named '" + s.name + "'");
            }
        }
        return List.copyOf(parts);
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
