package org.longlag.models.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One named, typed setting of a model or task kind (e.g. "hidden", "tau-a"), as {@link Options}
 * derives it from a component of the kind's options record. The command line offers each as
 * {@code --name}; suite files use the same name as a key. Values outside the record are plain
 * (Integer, Long, Double, Boolean, String; an enum constant as its {@link Options#label label}), so
 * that resolved configurations and run keys are plain JSON.
 *
 * @param name         kebab-case name
 * @param description  one line for help texts
 * @param type         Integer, Long, Double, Boolean, String or an enum class
 * @param defaultValue the default, as a plain value
 */
public record OptionSpec(String name, String description, Class<?> type, Object defaultValue) {

    public OptionSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("option name must be kebab-case, got '" + name + "'");
        if (type == null || defaultValue == null) throw new IllegalArgumentException("option '" + name + "' needs a type and a default value");
        if (type != Integer.class && type != Long.class && type != Double.class && type != Boolean.class && type != String.class && !type.isEnum()) {
            throw new IllegalArgumentException("option '" + name + "' has unsupported type " + type.getSimpleName());
        }
        defaultValue = plain(name, type, defaultValue);
    }

    /** An option of a plain type, which the default fixes. */
    public OptionSpec(String name, String description, Object defaultValue) {
        this(name, description, defaultValue == null ? null : defaultValue.getClass(), defaultValue);
    }

    /** The allowed values of an enum option, as written; empty for other types. */
    public List<String> values() {
        return values(type);
    }

    /** Converts a value given as text or as a JSON/YAML scalar to this option's plain type, or says why it cannot. */
    public Object convert(Object value) {
        return plain(name, type, value);
    }

    /** What a value must be, for error messages: "an integer", "lstm or feedforward", ... */
    public String typeName() {
        return typeName(type);
    }

    static Object plain(String name, Class<?> type, Object value) {
        if (value == null) throw new IllegalArgumentException("option '" + name + "' has no value");
        try {
            if (type.isEnum()) return Options.label(Options.constant(type, value));
            if (type == String.class) return value.toString();
            if (type == Boolean.class) {
                if (value instanceof Boolean) return value;
                String s = value.toString().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) return Boolean.valueOf(s);
                throw new NumberFormatException();
            }
            if (type == Integer.class) {
                if (value instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
                return Integer.valueOf(value.toString().trim());
            }
            if (type == Long.class) {
                if (value instanceof Number n && n.doubleValue() == n.longValue()) return n.longValue();
                return Long.valueOf(value.toString().trim());
            }
            return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            throw new IllegalArgumentException("option '" + name + "' expects " + typeName(type) + ", got '" + value + "'");
        }
    }

    private static List<String> values(Class<?> type) {
        return type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> Options.label((Enum<?>) c)).toList() : List.of();
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            List<String> v = values(type);
            return v.size() == 1 ? v.get(0) : String.join(", ", v.subList(0, v.size() - 1)) + " or " + v.get(v.size() - 1);
        }
        if (type == Integer.class || type == Long.class) return "an integer";
        if (type == Double.class) return "a number";
        if (type == Boolean.class) return "true or false";
        return "a string";
    }
}
