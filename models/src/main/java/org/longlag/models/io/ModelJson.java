package org.longlag.models.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;

/**
 * The JSON mapping of specs and configurations (records) for model files and result files.
 * Built-in cells, readouts and initial states are known by their type names; a user's own types
 * (annotated with {@code @JsonTypeName}) are passed in, so nothing global is mutated.
 */
public final class ModelJson {

    private ModelJson() {
    }

    /** A new mapper that also knows the given extra types. */
    public static ObjectMapper mapper(Class<?>... extraTypes) {
        ObjectMapper m = new ObjectMapper();
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (Class<?> c : extraTypes) m.registerSubtypes(new NamedType(c));
        return m;
    }
}
