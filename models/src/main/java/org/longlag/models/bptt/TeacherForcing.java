package org.longlag.models.bptt;

import org.longlag.models.cell.State;

/**
 * A rule that may replace the state a step starts from by one inferred from data (teacher
 * forcing), and its backward. Used for dynamical-system reconstruction: sparse forcing replaces the
 * observed units every tau steps, generalized forcing mixes (1 - alpha) z + alpha z_data.
 */
public interface TeacherForcing {

    /** No forcing: every step starts from the state the previous step produced. */
    TeacherForcing NONE = new TeacherForcing() {
        @Override
        public boolean forces(int t) {
            return false;
        }

        @Override
        public void force(int t, State produced, State fed) {
            throw new IllegalStateException("no forcing");
        }

        @Override
        public void backward(int t, State produced, State dFed) {
            throw new IllegalStateException("no forcing");
        }
    };

    /** Whether the state after step t (t = -1 for the initial state) is forced. */
    boolean forces(int t);

    /** Writes the forced version of {@code produced} (the state after step t) into {@code fed}. */
    void force(int t, State produced, State fed);

    /** Turns dL/d(fed) into dL/d(produced), in place. */
    void backward(int t, State produced, State dFed);
}
