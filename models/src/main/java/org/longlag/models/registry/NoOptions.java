package org.longlag.models.registry;

/** The options of a kind that has none of its own. */
public record NoOptions() {

    public static final NoOptions NONE = new NoOptions();
}
