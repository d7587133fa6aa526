package org.longlag.models.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;

/**
 * The JSON mapping of specs and configurations (records) for model files and result files. Every
 * serialized type registered on the class path ({@link SerializedTypes}, {@link
 * SerializedTypeCatalog}) is known by its type name: built-in and user cells, readouts, initial
 * states, forcing rules and losses alike. Each call makes a new mapper, so nothing global is mutated.
 */
public final class ModelJson {

    private ModelJson() {
    }

    /** A new mapper that knows every registered type. */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (SerializedTypeCatalog.Entry e : SerializedTypeCatalog.discover().entries()) m.registerSubtypes(new NamedType(e.type(), e.name()));
        return m;
    }
}
