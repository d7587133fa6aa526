package org.longlag.models.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved values of a kind's options: defaults overridden by what the user gave, each converted
 * to its option's type. Unknown names are refused with the list of known ones.
 */
public final class Settings {

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Defaults of {@code options} overridden by {@code given} (names without leading dashes). */
    public static Settings resolve(String owner, List<OptionSpec> options, Map<String, ?> given) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        for (OptionSpec o : options) byName.put(o.name(), o);
        Map<String, Object> v = new LinkedHashMap<>();
        for (OptionSpec o : options) v.put(o.name(), o.defaultValue());
        for (Map.Entry<String, ?> e : given.entrySet()) {
            OptionSpec o = byName.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException(owner + " has no option '" + e.getKey() + "'; its options are " + byName.keySet());
            }
            v.put(o.name(), o.convert(e.getValue()));
        }
        return new Settings(v);
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public Object get(String name) {
        Object o = values.get(name);
        if (o == null && !values.containsKey(name)) throw new IllegalArgumentException("no setting '" + name + "'; known: " + values.keySet());
        return o;
    }

    /** All values by name, in option order (for result files). */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
