package org.longlag.models.forcing;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How training replaces model states by states inferred from data (teacher forcing): a validated,
 * immutable configuration, serialized into result files. {@link #start()} turns it into the
 * state of one training run (e.g. an annealed alpha), which binds to each batch.
 *
 * <p>The data a batch forces with are its labels: the label at step t is the observation the state
 * after step t should produce, and the readout's {@link org.longlag.models.model.ObservationInverse
 * inverse} turns it into a state. Under every rule except {@link NoForcing} the state after step 0
 * is set from data outright (the free start of the reconstruction protocol, whose step-0 loss is
 * masked out), and no gradient flows through what forcing replaced.
 *
 * <p>Implementations are {@code @JsonTypeName} records registered as serialized types
 * ({@link org.longlag.models.io.SerializedTypes}; the built-in ones by {@link ForcingTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Forcing {

    /** The mutable forcing state of one training run. */
    ForcingSession start();

    /** No teacher forcing. */
    static Forcing none() {
        return new NoForcing();
    }
}
