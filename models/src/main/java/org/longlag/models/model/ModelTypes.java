package org.longlag.models.model;

import java.util.List;
import org.longlag.models.io.SerializedTypes;

/** The built-in readouts, initial states and part initializers, registered by their type names. */
public final class ModelTypes implements SerializedTypes {

    @Override
    public List<Class<?>> serializedTypes() {
        return List.of(
                LinearReadout.class, IdentityReadout.class, BiasFreeLinearReadout.class,
                ZeroInitialState.class, LearnedInitialState.class, UniformLearnedInitialState.class, PartwiseInitialState.class,
                PartInitializer.Zero.class, PartInitializer.Constant.class, PartInitializer.Learned.class,
                PartInitializer.UniformLearned.class, PartInitializer.SoftmaxLearned.class, PartInitializer.TanhLearned.class,
                PartInitializer.RandomTanh.class);
    }
}
