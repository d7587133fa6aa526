package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.registry.ModelCatalog;
import org.longlag.models.registry.OptionSpec;
import org.longlag.tasks.registry.TaskCatalog;

class CatalogTest {

    @Test
    void builtInKindsAreRegistered() {
        assertTrue(TaskCatalog.discover().names().containsAll(java.util.List.of("addition", "multiplication")));
        assertTrue(ModelCatalog.discover().names().containsAll(java.util.List.of("lstm", "elman", "irnn")));
        Task t = TaskCatalog.discover().build("addition", Map.of("lag", 40, "protocol", "hochreiter-1997"));
        assertEquals(40, t.shape().maxLag());
    }

    @Test
    void unknownNamesAndOptionsAreNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskCatalog.discover().build("additon", Map.of()));
        assertTrue(e.getMessage().contains("additon") && e.getMessage().contains("addition"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaskCatalog.discover().build("addition", Map.of("lagg", 3)));
        assertTrue(e.getMessage().contains("lagg"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaskCatalog.discover().build("addition", Map.of("lag", "ten")));
        assertTrue(e.getMessage().contains("lag") && e.getMessage().contains("ten"), e.getMessage());
    }

    @Test
    void theNewMemoryTasksAreRegisteredAndBuildWithTheirDefaults() {
        TaskCatalog catalog = TaskCatalog.discover();
        Map<String, String> built = new java.util.LinkedHashMap<>();
        for (String kind : java.util.List.of("associative-recall", "repeat-copy", "copy-reuse", "mqar", "selective-copy")) {
            Task t = catalog.build(kind, Map.of());
            assertEquals(kind, t.name());
            assertTrue(catalog.kind(kind).isMemoryTask());
            built.put(kind, t.vocabulary().isPresent() ? "tokens " + t.vocabulary().getAsInt() : "real-valued");
        }
        assertEquals(Map.of("associative-recall", "real-valued", "repeat-copy", "real-valued", "copy-reuse", "real-valued",
                "mqar", "tokens 128", "selective-copy", "tokens 16"), built, "token tasks say so");
        assertTrue(catalog.build("copymemory", Map.of()).vocabulary().isPresent());
        assertTrue(catalog.build("addition", Map.of()).vocabulary().isEmpty());
    }

    /** Every kind's record gives its defaults back from its resolved map, and the map's values are those its options list. */
    @Test
    void everyKindsOptionsRoundTrip() {
        ModelCatalog models = ModelCatalog.discover();
        for (String m : models.names()) {
            Map<String, Object> resolved = models.settings(m, Map.of()).asMap();
            assertEquals(resolved, models.settings(m, resolved).asMap(), m);
            for (OptionSpec o : models.options(m)) assertEquals(o.defaultValue(), resolved.get(o.name()), m + " " + o.name());
        }
        TaskCatalog tasks = TaskCatalog.discover();
        for (String t : tasks.names()) {
            Map<String, Object> resolved = tasks.settings(t, Map.of()).asMap();
            assertEquals(resolved, tasks.settings(t, resolved).asMap(), t);
            for (OptionSpec o : tasks.options(t)) assertEquals(o.defaultValue(), resolved.get(o.name()), t + " " + o.name());
        }
    }

    @Test
    void enumOptionsTakeTheirValuesAndOlderSpellingsAndListThemWhenWrong() {
        TaskCatalog tasks = TaskCatalog.discover();
        assertEquals("hochreiter-1997", tasks.settings("addition", Map.of("protocol", "hs97")).asMap().get("protocol"));
        assertEquals("sparse", tasks.settings("dsr", Map.of("forcing", "stf")).asMap().get("forcing"));
        var e = assertThrows(IllegalArgumentException.class, () -> tasks.settings("dsr", Map.of("forcing", "teacher")));
        assertEquals("option 'forcing' expects gtf, sparse, free or none, got 'teacher'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tasks.settings("dsr", Map.of("alpha", 2)));
        assertEquals("alpha must be in [0, 1], got 2.0", e.getMessage());
    }
}
