package org.longlag.models.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.longlag.models.io.SerializedTypes;

/**
 * The serialized types of every model kind on the class path ({@link ModelKind#serializedTypes()}),
 * as one {@link SerializedTypes} provider: the kinds are found through their own services file,
 * so a user's kind needs no second services line for its cell to be read back.
 */
public final class ModelKindTypes implements SerializedTypes {

    @Override
    public List<Class<?>> serializedTypes() {
        List<Class<?>> all = new ArrayList<>();
        for (ModelKind k : ServiceLoader.load(ModelKind.class, ModelKind.class.getClassLoader())) all.addAll(k.serializedTypes());
        return all;
    }
}
