package org.longlag.tasks.memory;

import java.util.List;
import org.longlag.models.registry.OptionSpec;
import org.longlag.models.registry.Settings;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** Registry entries for the addition and multiplication tasks. */
public final class MarkedInputKinds {

    private MarkedInputKinds() {
    }

    private static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("protocol", "reg-plrnn (Schmidt et al. 2021) or hochreiter-1997", "reg-plrnn"),
            new OptionSpec("solved-fraction", "fraction correct (|error| < 0.04) that counts as solved", 0.9));

    /** "addition" */
    public static final class Addition implements TaskKind {
        @Override
        public String name() {
            return "addition";
        }

        @Override
        public String description() {
            return "addition problem: sum of two marked values at the end";
        }

        @Override
        public List<OptionSpec> options() {
            return OPTIONS;
        }

        @Override
        public Task build(Settings s) {
            return new AdditionTask(s.getInt("lag"), MarkedInputProtocol.parse(s.getString("protocol")), s.getDouble("solved-fraction"));
        }
    }

    /** "multiplication" */
    public static final class Multiplication implements TaskKind {
        @Override
        public String name() {
            return "multiplication";
        }

        @Override
        public String description() {
            return "multiplication problem: product of two marked values at the end";
        }

        @Override
        public List<OptionSpec> options() {
            return OPTIONS;
        }

        @Override
        public Task build(Settings s) {
            return new MultiplicationTask(s.getInt("lag"), MarkedInputProtocol.parse(s.getString("protocol")), s.getDouble("solved-fraction"));
        }
    }
}
