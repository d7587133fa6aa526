package org.longlag.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStateFileTest {

    @Test
    void roundTripsWithAndWithoutTheOptimizerState(@TempDir Path dir) throws IOException {
        TrainingState full = new TrainingState(40000, 20_000_000L, new double[] {1e-3, -2.5, Double.MIN_VALUE, 7}, 39000);
        Path f = dir.resolve("model.state");
        TrainingStateFile.write(f, full);
        TrainingState back = TrainingStateFile.read(f);
        assertEquals(40000, back.step());
        assertEquals(20_000_000L, back.sequences());
        assertEquals(39000, back.optimizerUpdates());
        assertArrayEquals(full.optimizerState(), back.optimizerState(), 0.0);

        TrainingStateFile.write(f, TrainingState.at(12, 384));
        TrainingState bare = TrainingStateFile.read(f);
        assertEquals(12, bare.step());
        assertNull(bare.optimizerState());
    }

    @Test
    void namesWhatIsWrongWithABadFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("model.state");
        TrainingStateFile.write(f, new TrainingState(5, 50, new double[] {1, 2, 3}, 5));
        byte[] all = Files.readAllBytes(f);

        Path cut = dir.resolve("cut.state");
        Files.write(cut, Arrays.copyOf(all, all.length - 5));
        assertMessage(cut, "truncated");

        byte[] flipped = all.clone();
        flipped[flipped.length - 1] ^= 1;
        Path bad = dir.resolve("bad.state");
        Files.write(bad, flipped);
        assertMessage(bad, "checksum");

        Path model = dir.resolve("a.longlag");
        Files.write(model, "LONGLAG-MODEL\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertMessage(model, "not a longlag training state file");
        assertMessage(dir.resolve("missing.state"), "no training state file");
    }

    @Test
    void sitsBesideItsModelFile() {
        assertEquals(Path.of("runs", "x", "model.state"), TrainingStateFile.besideModel(Path.of("runs", "x", "model.longlag")));
    }

    private static void assertMessage(Path f, String part) {
        Exception e = assertThrows(IOException.class, () -> TrainingStateFile.read(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
