package org.longlag.models.registry;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kind's options are one record: each component is an option, named by the component in kebab
 * case (memoryRows: "memory-rows") and described by its {@link Doc}; its type is int, long,
 * double, boolean, String or an enum; the kind's {@code defaults()} instance holds the defaults,
 * and the record's constructor checks each value (see {@link OptionChecks}). This class derives
 * from such a record, in one place, what the rest of longlag needs: the {@link OptionSpec}s behind
 * command-line flags, suite validation and help texts; a record from text or YAML values; and the
 * resolved configuration as a map of plain values.
 *
 * <p>An enum value is written as its constant's name in lower case with '-' for '_'
 * (HOCHREITER_1997: "hochreiter-1997"); an enum with a {@code public static E parse(String)} method
 * also accepts whatever that method accepts (older spellings).
 */
public final class Options {

    private Options() {
    }

    /** One component of an options record. */
    private record Component(String name, String doc, RecordComponent component, Class<?> plainType) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return components(type);
        }
    };

    /** The options of {@code defaults}' record type, in component order, with its values as defaults. */
    public static List<OptionSpec> specs(Record defaults) {
        List<OptionSpec> out = new ArrayList<>();
        for (Component c : components(defaults)) out.add(new OptionSpec(c.name(), c.doc(), c.plainType(), plain(read(c, defaults))));
        return out;
    }

    /** The option names of a record type, in component order. */
    public static List<String> names(Class<? extends Record> type) {
        return COMPONENTS.get(type).stream().map(Component::name).toList();
    }

    /**
     * {@code defaults} with the {@code given} values (by option name; text, or JSON/YAML scalars)
     * in place of its own, built by the record's constructor, which checks them.
     *
     * @throws IllegalArgumentException naming the option whose name or value is bad
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R defaults, Map<String, ?> given) {
        List<Component> cs = components(defaults);
        Object[] args = new Object[cs.size()];
        for (int i = 0; i < args.length; i++) args[i] = read(cs.get(i), defaults);
        for (Map.Entry<String, ?> e : given.entrySet()) {
            int i = indexOf(cs, e.getKey());
            if (i < 0) throw new IllegalArgumentException("no option '" + e.getKey() + "'; the options are " + names(defaults.getClass()));
            Component c = cs.get(i);
            Object plain = OptionSpec.plain(c.name(), c.plainType(), e.getValue());
            args[i] = c.plainType().isEnum() ? constant(c.plainType(), plain) : plain;
        }
        try {
            Constructor<?> k = defaults.getClass().getDeclaredConstructor(cs.stream().map(c -> c.component().getType()).toArray(Class<?>[]::new));
            k.setAccessible(true);
            return (R) k.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the options record " + defaults.getClass().getName() + ": " + e, e);
        }
    }

    /** The options' values by name, in component order, as plain values (enum constants as their labels). */
    public static Map<String, Object> asMap(Record options) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Component c : components(options)) m.put(c.name(), plain(read(c, options)));
        return Collections.unmodifiableMap(m);
    }

    /** How an enum value is written: "hochreiter-1997" for HOCHREITER_1997. */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** memoryRows: "memory-rows". */
    public static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) sb.append('-').append(Character.toLowerCase(ch));
            else sb.append(ch);
        }
        return sb.toString();
    }

    /** The constant of {@code type} that {@code value} (a constant or its text) names. */
    static Enum<?> constant(Class<?> type, Object value) {
        if (type.isInstance(value)) return (Enum<?>) value;
        String text = value.toString().trim();
        for (Object c : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) c;
            if (label(e).equalsIgnoreCase(text) || e.name().equalsIgnoreCase(text)) return e;
        }
        try {
            Method parse = type.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && parse.getReturnType() == type) return (Enum<?>) parse.invoke(null, text);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            // not one of its spellings either
        }
        throw new IllegalArgumentException("no constant '" + text + "'");
    }

    private static Object plain(Object value) {
        return value instanceof Enum<?> e ? label(e) : value;
    }

    private static List<Component> components(Record r) {
        if (r == null) throw new IllegalArgumentException("options must be given (a record, its defaults)");
        return COMPONENTS.get(r.getClass());
    }

    private static int indexOf(List<Component> cs, String name) {
        for (int i = 0; i < cs.size(); i++) if (cs.get(i).name().equals(name)) return i;
        return -1;
    }

    private static Object read(Component c, Record r) {
        try {
            Method m = c.component().getAccessor();
            m.setAccessible(true);
            return m.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read option '" + c.name() + "' of " + r.getClass().getName() + ": " + e, e);
        }
    }

    /** The components of an options record, each checked: a {@link Doc} and a supported type (a kind writer's mistake fails here, by name). */
    private static List<Component> components(Class<?> type) {
        if (!type.isRecord()) throw new IllegalStateException(type.getName() + " is not a record; a kind's options are a record");
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Doc doc = rc.getAnnotation(Doc.class);
            String where = type.getName() + "." + rc.getName();
            if (doc == null) throw new IllegalStateException(where + " has no @Doc: every option needs its help text");
            String name = doc.name().isEmpty() ? kebab(rc.getName()) : doc.name();
            Class<?> t = rc.getType();
            Class<?> plain = t == int.class ? Integer.class : t == long.class ? Long.class : t == double.class ? Double.class
                    : t == boolean.class ? Boolean.class : t == String.class || t.isEnum() ? t : null;
            if (plain == null) throw new IllegalStateException(where + " is a " + t.getSimpleName() + "; options are int, long, double, boolean, String or an enum");
            if (out.stream().anyMatch(c -> c.name().equals(name))) throw new IllegalStateException(where + ": two options named '" + name + "'");
            out.add(new Component(name, doc.value(), rc, plain));
        }
        return List.copyOf(out);
    }
}
