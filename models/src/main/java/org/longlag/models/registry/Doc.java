package org.longlag.models.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The help text of one option: a component of a kind's options record ({@link Options}). The
 * option's name is the component's name in kebab case (memoryRows gives "memory-rows") unless
 * {@link #name} gives another (for a name Java does not allow, such as "transient").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Doc {

    /** One line for help texts. */
    String value();

    /** The option's name when it is not the component's name in kebab case. */
    String name() default "";
}
