package org.longlag.models.io;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every serialized type the {@link SerializedTypes} providers on the class path bring, checked:
 * each has a {@code @JsonTypeName} and a supertype written with a type property
 * ({@code @JsonTypeInfo}, its family: Cell, Readout, ...), and no two different classes of one
 * family share a name. The same class listed by several providers (several model kinds use one
 * cell) is one entry.
 */
public final class SerializedTypeCatalog {

    /**
     * One registered type.
     *
     * @param name     its {@code @JsonTypeName}
     * @param type     the class
     * @param families its supertypes annotated {@code @JsonTypeInfo} (usually one)
     * @param provider the class of the provider that listed it first
     */
    public record Entry(String name, Class<?> type, List<Class<?>> families, Class<?> provider) {
    }

    private static volatile SerializedTypeCatalog discovered;

    private final List<Entry> entries;

    private SerializedTypeCatalog(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    /** The catalog of every provider on the class path (found once, then kept: the class path does not change). */
    public static SerializedTypeCatalog discover() {
        SerializedTypeCatalog c = discovered;
        if (c == null) {
            List<SerializedTypes> providers = new ArrayList<>();
            for (SerializedTypes p : ServiceLoader.load(SerializedTypes.class, SerializedTypes.class.getClassLoader())) providers.add(p);
            c = of(providers);
            discovered = c;
        }
        return c;
    }

    /** The catalog of the given providers, checked (see the class comment). */
    public static SerializedTypeCatalog of(List<? extends SerializedTypes> providers) {
        List<Entry> entries = new ArrayList<>();
        for (SerializedTypes p : providers) {
            for (Class<?> type : p.serializedTypes()) {
                if (type == null) throw new IllegalStateException(p.getClass().getName() + " lists a null serialized type");
                JsonTypeName name = type.getAnnotation(JsonTypeName.class);
                if (name == null || name.value().isBlank()) {
                    throw new IllegalStateException(type.getName() + " (listed by " + p.getClass().getName() + ") has no @JsonTypeName");
                }
                List<Class<?>> families = families(type);
                if (families.isEmpty()) {
                    throw new IllegalStateException(type.getName() + " (listed by " + p.getClass().getName()
                            + ") implements no type written with a type property (@JsonTypeInfo), such as Cell, Readout or InitialState");
                }
                Entry e = new Entry(name.value(), type, families, p.getClass());
                add(entries, e);
            }
        }
        return new SerializedTypeCatalog(entries);
    }

    /** Adds {@code e} unless its class is there already; throws if another class of its family has its name. */
    private static void add(List<Entry> entries, Entry e) {
        for (Entry o : entries) {
            if (o.type == e.type) return;
            if (o.name.equals(e.name) && !Collections.disjoint(o.families, e.families)) {
                throw new IllegalStateException("two serialized types named '" + e.name + "': " + o.type.getName() + " (listed by "
                        + o.provider.getName() + ") and " + e.type.getName() + " (listed by " + e.provider.getName() + ")");
            }
        }
        entries.add(e);
    }

    /** Every supertype of {@code type} (itself included) annotated {@code @JsonTypeInfo}. */
    private static List<Class<?>> families(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) continue;
            if (c.isAnnotationPresent(JsonTypeInfo.class)) found.add(c);
            if (c.getSuperclass() != null) todo.add(c.getSuperclass());
            todo.addAll(List.of(c.getInterfaces()));
        }
        return List.copyOf(found);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The names of the registered types of one family (e.g. every loss), in provider order. */
    public List<String> names(Class<?> family) {
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            if (family.isAssignableFrom(e.type)) names.add(e.name);
        }
        return names;
    }

    /** The registered type of {@code family} called {@code name}, or null. */
    public Class<?> find(Class<?> family, String name) {
        for (Entry e : entries) {
            if (e.name.equals(name) && family.isAssignableFrom(e.type)) return e.type;
        }
        return null;
    }
}
