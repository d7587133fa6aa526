package org.longlag.dynamics.systems;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.longlag.dynamics.OdeSystem;

/**
 * Builds the built-in systems by name, with their default parameters:
 * {@code "bursting"}, {@code "lorenz63"}, {@code "lorenz96"}, {@code "roessler"},
 * {@code "vanderpol"}. Names are matched ignoring case and surrounding blanks.
 */
public final class OdeSystems {

    private static final Map<String, Supplier<OdeSystem>> FACTORIES = new TreeMap<>(Map.of(
            Lorenz63.NAME, Lorenz63::new,
            Roessler.NAME, Roessler::new,
            Lorenz96.NAME, Lorenz96::new,
            VanDerPol.NAME, VanDerPol::new,
            BurstingNeuron.NAME, BurstingNeuron::new));

    private OdeSystems() {
    }

    /** Registered names, sorted. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /**
     * A new instance of the named system with default parameters.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known names
     */
    public static OdeSystem create(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Supplier<OdeSystem> factory = FACTORIES.get(key);
        if (factory == null) {
            throw new IllegalArgumentException("unknown system '" + name + "'; known systems: "
                    + String.join(", ", names()));
        }
        return factory.get();
    }
}
