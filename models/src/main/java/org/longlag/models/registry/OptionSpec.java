package org.longlag.models.registry;

/**
 * One named, typed setting of a model or task kind (e.g. "hidden", "tau-a"). The type is that of
 * the default value: Integer, Long, Double, Boolean or String. The command line offers each as
 * {@code --name}; suite files use the same name as a key.
 *
 * @param name         kebab-case name
 * @param description  one line for help texts
 * @param defaultValue default, which also fixes the type
 */
public record OptionSpec(String name, String description, Object defaultValue) {

    public OptionSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("option name must be kebab-case, got '" + name + "'");
        if (defaultValue == null) throw new IllegalArgumentException("option '" + name + "' needs a default value");
        Class<?> t = defaultValue.getClass();
        if (t != Integer.class && t != Long.class && t != Double.class && t != Boolean.class && t != String.class) {
            throw new IllegalArgumentException("option '" + name + "' has unsupported type " + t.getSimpleName());
        }
    }

    public Class<?> type() {
        return defaultValue.getClass();
    }

    /** Converts a value given as text or as a JSON/YAML scalar to this option's type, or says why it cannot. */
    public Object convert(Object value) {
        if (value == null) throw new IllegalArgumentException("option '" + name + "' has no value");
        Class<?> t = type();
        try {
            if (t == String.class) return value.toString();
            if (t == Boolean.class) {
                if (value instanceof Boolean) return value;
                String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
                if (s.equals("true") || s.equals("false")) return Boolean.valueOf(s);
                throw new NumberFormatException();
            }
            if (t == Integer.class) {
                if (value instanceof Number && ((Number) value).doubleValue() == ((Number) value).intValue()) return ((Number) value).intValue();
                return Integer.valueOf(value.toString().trim());
            }
            if (t == Long.class) {
                if (value instanceof Number && ((Number) value).doubleValue() == ((Number) value).longValue()) return ((Number) value).longValue();
                return Long.valueOf(value.toString().trim());
            }
            double d = value instanceof Number ? ((Number) value).doubleValue() : Double.parseDouble(value.toString().trim());
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' expects " + typeName() + ", got '" + value + "'");
        }
    }

    public String typeName() {
        Class<?> t = type();
        if (t == Integer.class || t == Long.class) return "an integer";
        if (t == Double.class) return "a number";
        if (t == Boolean.class) return "true or false";
        return "a string";
    }
}
