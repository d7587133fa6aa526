package org.longlag.models.forcing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.bptt.TeacherForcing;

/** No teacher forcing: every step starts from the state the previous step produced. */
@JsonTypeName("none")
public record NoForcing() implements Forcing {

    @Override
    public ForcingSession start() {
        return (model, batch, step) -> (from, to) -> TeacherForcing.NONE;
    }
}
