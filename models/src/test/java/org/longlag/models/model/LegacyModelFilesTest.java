package org.longlag.models.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longlag.models.cell.ntm.NtmCell;
import org.longlag.models.cell.ntm.NtmInitialState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Model files written before open registration and per-part initial states (test resources
 * {@code legacy/}, saved by that version) load with the same parameters and give the same outputs,
 * bit for bit (checksums taken by that version). An NTM's old initial state ("ntm", with a copy of
 * the cell) is read as its per-part composition and saved in that form.
 */
class LegacyModelFilesTest {

    private static Path resource(String name) throws Exception {
        return Path.of(LegacyModelFilesTest.class.getResource("/legacy/" + name).toURI());
    }

    private static String crc(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length);
        for (double v : values) buf.putLong(Double.doubleToRawLongBits(v));
        CRC32 c = new CRC32();
        c.update(buf.array());
        return Long.toHexString(c.getValue());
    }

    /** CRC-32 of the parameters and of the outputs for a fixed input [2, 3, 7], as the writing version computed them. */
    private static String checksums(SequenceModel m) {
        double[] in = new double[2 * 3 * 7];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < in.length; i++) in[i] = rng.nextDouble() - 0.5;
        double[] out = m.output(Nd4j.create(in, new long[] {2, 3, 7}, 'c').castTo(DataType.FLOAT)).data().asDouble();
        return crc(m.parameters().data().asDouble()) + " " + crc(out);
    }

    /** A cell nobody registers (its jar is not on the class path) is named, with what is known. */
    @Test
    void anUnregisteredTypeIsNamed(@TempDir Path dir) throws Exception {
        Path src = resource("lstm-learned-format1.longlag"), file = dir.resolve("foreign.longlag");
        byte[] bytes = Files.readAllBytes(src);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"lstm\"");
        assertTrue(at > 0);
        byte[] renamed = bytes.clone();
        System.arraycopy("\"lztm\"".getBytes(StandardCharsets.ISO_8859_1), 0, renamed, at, 6); // same length: the header's length field still holds
        Files.write(file, renamed);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SequenceModel.load(file));
        assertTrue(e.getMessage().contains("Cell of type 'lztm'") && e.getMessage().contains("lstm"), e.getMessage());
    }

    @Test
    void anLstmFileLoadsUnchanged() throws Exception {
        SequenceModel m = SequenceModel.load(resource("lstm-learned-format1.longlag"));
        assertEquals(new LearnedInitialState(0.1), m.spec().initialState());
        assertEquals("9908921b fecf7483", checksums(m));
    }

    @Test
    void ntmFilesLoadWithTheirInitialStateAsItsPerPartComposition(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"ntm-lstm-learned-format1.longlag", "LEARNED", "dffda13e 128c695d"},
            {"ntm-feedforward-random-format1.longlag", "RANDOM", "46a8dda5 3c2ff578"},
        };
        for (String[] c : cases) {
            SequenceModel m = SequenceModel.load(resource(c[0]));
            NtmCell cell = (NtmCell) m.spec().cell();
            assertEquals(NtmInitialState.of(cell, NtmInitialState.MemoryInit.valueOf(c[1]), 0.0), m.spec().initialState(), c[0]);
            assertEquals(c[2], checksums(m), c[0] + ": the same parameters and outputs as the version that wrote it");

            Path again = dir.resolve(c[0]);
            m.save(again);
            String header = new String(Files.readAllBytes(again), StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("\"partwise\"") && !header.contains("\"memoryConstant\""), "saved in the per-part form");
            SequenceModel back = SequenceModel.load(again);
            assertEquals(m.spec(), back.spec());
            assertEquals(c[2], checksums(back));
        }
    }
}
