package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.longlag.models.registry.ModelCatalog;
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
}
