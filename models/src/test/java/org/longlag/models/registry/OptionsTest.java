package org.longlag.models.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;

/** The one reflective place: names, types, defaults, conversion, checks and the resolved map from an options record. */
class OptionsTest {

    enum Mode {
        FAST_PATH, SLOW;

        /** An older spelling, accepted through parse. */
        public static Mode parse(String s) {
            if (s.equals("quick")) return FAST_PATH;
            throw new IllegalArgumentException("no");
        }
    }

    record Sample(@Doc("rows of the thing") int memoryRows,
                  @Doc("a seed") long dataSeed,
                  @Doc("a rate") double tauA,
                  @Doc("on or off") boolean clipped,
                  @Doc("a file") String csv,
                  @Doc("how") Mode mode,
                  @Doc(name = "transient", value = "a keyword as a name") double transientTime) {

        static final Sample DEFAULTS = new Sample(128, 1L, 5.0, false, "", Mode.FAST_PATH, 50.0);

        Sample {
            OptionChecks.atLeast("memory-rows", memoryRows, 1);
            OptionChecks.inRange("tau-a", tauA, 0, 10);
        }
    }

    record Undocumented(@Doc("fine") int a, int b) {
    }

    record Unsupported(@Doc("a list") List<String> names) {
    }

    @Test
    void specsAreDerivedFromTheComponents() {
        List<OptionSpec> specs = Options.specs(Sample.DEFAULTS);
        assertEquals(List.of("memory-rows", "data-seed", "tau-a", "clipped", "csv", "mode", "transient"), specs.stream().map(OptionSpec::name).toList());
        assertEquals(List.of(Integer.class, Long.class, Double.class, Boolean.class, String.class, Mode.class, Double.class),
                specs.stream().map(OptionSpec::type).toList());
        assertEquals(List.of(128, 1L, 5.0, false, "", "fast-path", 50.0), specs.stream().map(OptionSpec::defaultValue).toList());
        assertEquals("rows of the thing", specs.get(0).description());
        assertEquals(List.of("fast-path", "slow"), specs.get(5).values());
        assertEquals("fast-path or slow", specs.get(5).typeName());
    }

    @Test
    void valuesFromTextOrYamlScalarsReplaceTheDefaults() {
        Sample s = Options.with(Sample.DEFAULTS, Map.of("memory-rows", "16", "data-seed", 7, "tau-a", 2, "clipped", "TRUE", "mode", "slow",
                "transient", "1.5"));
        assertEquals(new Sample(16, 7L, 2.0, true, "", Mode.SLOW, 1.5), s);
        assertEquals(Mode.FAST_PATH, Options.with(Sample.DEFAULTS, Map.of("mode", "quick")).mode(), "the enum's own parse");
        assertEquals(Mode.FAST_PATH, Options.with(Sample.DEFAULTS, Map.of("mode", "FAST_PATH")).mode(), "its constant's name");
        Map<String, Object> m = Options.asMap(s);
        assertEquals(List.of("memory-rows", "data-seed", "tau-a", "clipped", "csv", "mode", "transient"), List.copyOf(m.keySet()));
        assertEquals("slow", m.get("mode"));
        assertEquals(s, Options.with(Sample.DEFAULTS, m), "the resolved map gives the record back");
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndWhatItTakes() {
        assertEquals("memory-rows must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("memory-rows", 0))).getMessage());
        assertEquals("tau-a must be in [0, 10], got 11.0",
                assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("tau-a", 11))).getMessage());
        assertEquals("option 'memory-rows' expects an integer, got 'many'",
                assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("memory-rows", "many"))).getMessage());
        assertEquals("option 'clipped' expects true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("clipped", "yes"))).getMessage());
        assertEquals("option 'mode' expects fast-path or slow, got 'medium'",
                assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("mode", "medium"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.with(Sample.DEFAULTS, Map.of("rows", 3))).getMessage()
                .contains("no option 'rows'"));
    }

    @Test
    void aRecordThatIsNoOptionsRecordFailsByComponent() {
        assertTrue(assertThrows(IllegalStateException.class, () -> Options.specs(new Undocumented(1, 2))).getMessage()
                .contains("Undocumented.b has no @Doc"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Options.specs(new Unsupported(List.of()))).getMessage()
                .contains("Unsupported.names is a List"));
    }

    @Test
    void kebabCase() {
        assertEquals("memory-rows", Options.kebab("memoryRows"));
        assertEquals("tau-a", Options.kebab("tauA"));
        assertEquals("pe-steps", Options.kebab("peSteps"));
        assertEquals("hochreiter-1997", Options.label(Hochreiter.HOCHREITER_1997));
    }

    enum Hochreiter { HOCHREITER_1997 }

    @Test
    void theCommonOptionsResolveWithTheKindsAndTheirNamesClashWithNone() {
        Settings s = Settings.resolve("model 'x'", List.of(), List.of(CommonModelOptions.DEFAULTS, Sample.DEFAULTS), Map.of("hidden", 8, "tau-a", 1));
        assertEquals(new CommonModelOptions(8, Precision.FLOAT32), s.options(CommonModelOptions.class));
        assertEquals(1.0, s.options(Sample.class).tauA());
        assertEquals(List.of("hidden", "precision", "memory-rows", "data-seed", "tau-a", "clipped", "csv", "mode", "transient"), List.copyOf(s.asMap().keySet()));
        assertEquals("model 'x' has no option 'tau'; its options are [hidden, precision, memory-rows, data-seed, tau-a, clipped, csv, mode, transient]",
                assertThrows(IllegalArgumentException.class, () -> Settings.resolve("model 'x'", List.of(),
                        List.of(CommonModelOptions.DEFAULTS, Sample.DEFAULTS), Map.of("tau", 1))).getMessage());
    }
}
