package org.longlag.models.forcing;

import org.longlag.models.bptt.TeacherForcing;

/** One batch's forcing, handed out per shard of rows (each shard's rule is confined to its thread). */
@FunctionalInterface
public interface BatchForcing {

    /** No forcing on any row. */
    BatchForcing NONE = (from, to) -> TeacherForcing.NONE;

    /** The rule for batch rows [from, to), whose unroll rows are 0 .. to - from - 1. */
    TeacherForcing rows(int from, int to);
}
