package org.longlag.models.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;

/**
 * z_0 composed per named state part: each listed part or segment ({@link StatePart}) gets its own
 * {@link PartInitializer} (zero, a constant, learned, learned through a softmax or tanh, a fixed
 * random draw, ...); every part not listed starts at zero. A memory-augmented cell's kind builds
 * one for its parts (the NTM's: learned controller state and reads, softmax-learned weightings, a
 * constant memory), and no initial state needs to know the cell.
 *
 * <p>The parameter blocks are the initializers' own, in the order the parts are listed, each
 * prefixed by its part's name ("h.z0", "read0.weighting.logits"); the initializers draw from one
 * generator in that order too. A part and one of its segments cannot both be listed.
 *
 * @param parts part or segment name to its initializer; the order is the parameter order
 */
@JsonTypeName("partwise")
public record PartwiseInitialState(Map<String, PartInitializer> parts) implements InitialState {

    public PartwiseInitialState {
        CellChecks.notNull("parts", parts);
        Map<String, PartInitializer> copy = new LinkedHashMap<>();
        for (Map.Entry<String, PartInitializer> e : parts.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) throw new IllegalArgumentException("a part of a partwise initial state needs a name");
            CellChecks.notNull("initializer of part '" + e.getKey() + "'", e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        parts = Collections.unmodifiableMap(copy);
    }

    /** A builder that keeps the order parts are added in. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds parts in order. */
    public static final class Builder {
        private final Map<String, PartInitializer> parts = new LinkedHashMap<>();

        public Builder part(String name, PartInitializer init) {
            if (parts.containsKey(name)) throw new IllegalArgumentException("part '" + name + "' is given twice");
            parts.put(name, init);
            return this;
        }

        public PartwiseInitialState build() {
            return new PartwiseInitialState(parts);
        }
    }

    /** Where each listed part lies in a state layout, checked: every name exists, none overlaps another. */
    private List<StatePart.Location> locate(List<StatePart> layout) {
        List<StatePart.Location> at = new ArrayList<>(parts.size());
        List<String> names = new ArrayList<>(parts.keySet());
        for (String name : names) {
            StatePart.Location l = StatePart.locate(layout, name);
            if (l == null) {
                throw new IllegalArgumentException("the initial state gives part '" + name + "', the cell's state has " + StatePart.names(layout));
            }
            for (int j = 0; j < at.size(); j++) {
                StatePart.Location o = at.get(j);
                if (o.part() == l.part() && o.offset() < l.offset() + l.size() && l.offset() < o.offset() + o.size()) {
                    throw new IllegalArgumentException("the initial state gives both '" + names.get(j) + "' and '" + name + "', which overlap");
                }
            }
            at.add(l);
        }
        return at;
    }

    @Override
    public ParameterLayout parameterLayout(List<StatePart> layout) {
        List<StatePart.Location> at = locate(layout);
        List<ParameterLayout> blocks = new ArrayList<>(parts.size());
        int i = 0;
        for (PartInitializer init : parts.values()) blocks.add(init.parameterLayout(at.get(i++).size()));
        return ParameterLayout.concat(new ArrayList<>(parts.keySet()), blocks);
    }

    @Override
    public void initialize(Parameters w, List<StatePart> layout, SplittableRandom rng) {
        List<StatePart.Location> at = locate(layout);
        int block = 0, i = 0;
        for (PartInitializer init : parts.values()) {
            int width = at.get(i++).size();
            init.initialize(w.view(block), width, rng);
            block += init.parameterLayout(width).blockCount();
        }
    }

    @Override
    public void fill(Parameters w, State s0) {
        List<StatePart.Location> at = locate(s0.layout());
        for (int p = 0; p < s0.partCount(); p++) {
            if (!listedWhole(at, p)) s0.part(p).zero(); // unlisted parts, and the unlisted segments of listed ones, start at 0
        }
        int block = 0, i = 0;
        for (Map.Entry<String, PartInitializer> e : parts.entrySet()) {
            PartInitializer init = e.getValue();
            init.fill(w.view(block), s0.part(e.getKey()));
            block += init.parameterLayout(at.get(i++).size()).blockCount();
        }
    }

    @Override
    public void backward(Parameters w, Parameters grad, State dS0) {
        List<StatePart.Location> at = locate(dS0.layout());
        int block = 0, i = 0;
        for (Map.Entry<String, PartInitializer> e : parts.entrySet()) {
            PartInitializer init = e.getValue();
            init.backward(w.view(block), grad.view(block), dS0.part(e.getKey()));
            block += init.parameterLayout(at.get(i++).size()).blockCount();
        }
    }

    private static boolean listedWhole(List<StatePart.Location> at, int part) {
        for (StatePart.Location l : at) {
            if (l.part() == part && l.whole()) return true;
        }
        return false;
    }

    /** Equal when the same parts are listed in the same order (the order is the parameter layout's). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PartwiseInitialState p && new ArrayList<>(parts.entrySet()).equals(new ArrayList<>(p.parts.entrySet()));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(parts.entrySet()).hashCode();
    }
}
