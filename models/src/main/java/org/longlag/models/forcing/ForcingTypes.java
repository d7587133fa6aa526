package org.longlag.models.forcing;

import java.util.List;
import org.longlag.models.io.SerializedTypes;

/** The built-in teacher forcing rules, registered by their type names. */
public final class ForcingTypes implements SerializedTypes {

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(NoForcing.class, SparseForcing.class, GeneralizedForcing.class);
    }
}
