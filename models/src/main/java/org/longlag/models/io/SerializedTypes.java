package org.longlag.models.io;

import java.util.List;

/**
 * A provider of the types that model files and result files hold by name: cells, readouts,
 * initial states and their part initializers, teacher forcing rules, losses. Each listed class
 * carries a {@code @JsonTypeName} and implements one of the interfaces that are written with a
 * "type" property ({@code @JsonTypeInfo}: Cell, Readout, InitialState, ...).
 *
 * <p>Providers are found on the class path by Java's {@link java.util.ServiceLoader}, through
 * {@code META-INF/services/org.longlag.models.io.SerializedTypes}; every model kind is one too
 * ({@code org.longlag.models.registry.ModelKind} extends this interface, and the kinds are found
 * through their own services file), so a user's jar with a cell and its kind needs only the
 * kind's services line for its models to be saved, loaded and resumed. {@link ModelJson#mapper()}
 * knows every type so provided; two different types of one family under one name are an error
 * naming both ({@link SerializedTypeCatalog}).
 */
public interface SerializedTypes {

    /** The {@code @JsonTypeName}-annotated classes this provider brings. */
    List<Class<?>> serializedTypes();
}
