package org.longlag.tasks.memory;

import org.longlag.models.registry.Doc;
import org.longlag.models.registry.OptionChecks;
import org.longlag.tasks.Task;
import org.longlag.tasks.registry.TaskKind;

/** Registry entries for the addition and multiplication tasks. */
public final class MarkedInputKinds {

    private MarkedInputKinds() {
    }

    /** The options of both. */
    public record Options(@Doc("reg-plrnn (Schmidt et al. 2021) or hochreiter-1997") MarkedInputProtocol protocol,
                          @Doc("fraction correct (|error| < 0.04) that counts as solved") double solvedFraction) {

        public static final Options DEFAULTS = new Options(MarkedInputProtocol.REG_PLRNN, 0.9);

        public Options {
            OptionChecks.given("protocol", protocol);
            OptionChecks.inHalfOpen("solved-fraction", solvedFraction, 0, 1);
        }
    }

    /** "addition" */
    public static final class Addition implements TaskKind<Options> {
        @Override
        public String name() {
            return "addition";
        }

        @Override
        public String description() {
            return "addition problem: sum of two marked values at the end";
        }

        @Override
        public Options defaults() {
            return Options.DEFAULTS;
        }

        @Override
        public Task build(int lag, Options o) {
            return new AdditionTask(lag, o.protocol(), o.solvedFraction());
        }
    }

    /** "multiplication" */
    public static final class Multiplication implements TaskKind<Options> {
        @Override
        public String name() {
            return "multiplication";
        }

        @Override
        public String description() {
            return "multiplication problem: product of two marked values at the end";
        }

        @Override
        public Options defaults() {
            return Options.DEFAULTS;
        }

        @Override
        public Task build(int lag, Options o) {
            return new MultiplicationTask(lag, o.protocol(), o.solvedFraction());
        }
    }
}
