package org.longlag.models.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved options of one model or task: its options records (the common ones and the
 * kind's, defaults overridden by what the user gave, checked by their constructors) and the same
 * values as a map of plain values by name, in option order (the resolved configuration of result
 * files and run keys).
 */
public final class Settings {

    private final List<Record> records;
    private final Map<String, Object> values;

    private Settings(List<Record> records, Map<String, Object> values) {
        this.records = List.copyOf(records);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The given options (names without leading dashes) split among the records whose defaults are
     * given, each record built with its share. A name no record has is refused with the list of
     * all names; a bad value by its record's constructor.
     *
     * @param owner     who has the options, for the message ("model 'rplrnn'")
     * @param extra     plain options before the records' (the task's "lag"), resolved as given or their defaults
     * @param defaults  the records' defaults
     */
    public static Settings resolve(String owner, List<OptionSpec> extra, List<Record> defaults, Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec o : extra) values.put(o.name(), o.defaultValue());
        List<Map<String, Object>> shares = new ArrayList<>();
        Map<String, Map<String, Object>> shareOf = new HashMap<>(); // option name -> the given values of its record
        for (Record d : defaults) {
            Map<String, Object> share = new LinkedHashMap<>();
            shares.add(share);
            for (String name : Options.names(d.getClass())) shareOf.put(name, share);
        }
        for (Map.Entry<String, ?> e : given.entrySet()) {
            OptionSpec plain = extra.stream().filter(o -> o.name().equals(e.getKey())).findFirst().orElse(null);
            if (plain != null) {
                values.put(plain.name(), plain.convert(e.getValue()));
            } else if (shareOf.containsKey(e.getKey())) {
                shareOf.get(e.getKey()).put(e.getKey(), e.getValue());
            } else {
                List<String> all = new ArrayList<>(values.keySet());
                for (Record d : defaults) all.addAll(Options.names(d.getClass()));
                throw new IllegalArgumentException(owner + " has no option '" + e.getKey() + "'; its options are " + all);
            }
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < defaults.size(); i++) {
            Record r = Options.with(defaults.get(i), shares.get(i));
            records.add(r);
            values.putAll(Options.asMap(r));
        }
        return new Settings(records, values);
    }

    /** Settings that are no kind's options (e.g. what describes a model read from a file): values only. */
    public static Settings of(Map<String, Object> values) {
        return new Settings(List.of(), new LinkedHashMap<>(values));
    }

    /** The resolved record of this type. */
    public <R extends Record> R options(Class<R> type) {
        for (Record r : records) if (type.isInstance(r)) return type.cast(r);
        throw new IllegalArgumentException("no options of type " + type.getSimpleName() + " here; there are " + records.stream().map(r -> r.getClass().getSimpleName()).toList());
    }

    public Object get(String name) {
        Object o = values.get(name);
        if (o == null) throw new IllegalArgumentException("no setting '" + name + "'; known: " + values.keySet());
        return o;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    /** All values by name, in option order (for result files and run keys). */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
