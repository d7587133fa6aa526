package org.longlag.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * The container shared by longlag's binary files: a magic line, a JSON header carrying the CRC-32
 * of the body, then the body (big-endian numbers). Written to a temporary file and moved into
 * place, so a crash never leaves a half file under the real name; read with checks that name what
 * is wrong with a truncated, corrupted or foreign file.
 */
public final class ChecksummedFile {

    private static final int MAX_HEADER = 16 << 20;

    /** A file's header and the bytes after it (not yet checked against the header). */
    public record Contents(Path file, JsonNode header, byte[] body) {

        /**
         * Checks that the body has exactly {@code bytes} bytes and matches the header's checksum.
         *
         * @param what what the body holds, for messages ("parameter")
         */
        public void checkBody(int bytes, String what) throws IOException {
            if (body.length < bytes) {
                throw new IOException(file + " is truncated: " + bytes + " " + what + " bytes expected, " + body.length + " present");
            }
            if (body.length > bytes) throw new IOException(file + " is corrupted: unexpected bytes after the " + what + "s");
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != header.path("crc32").asLong(-1)) {
                throw new IOException(file + " is corrupted: " + what + " checksum does not match");
            }
        }
    }

    private ChecksummedFile() {
    }

    /** Writes magic, {@code header} (to which the body's "crc32" is added) and body, atomically. */
    public static void write(Path file, byte[] magic, ObjectNode header, byte[] body, ObjectMapper json) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        header.put("crc32", crc.getValue());
        byte[] headerBytes = json.writeValueAsBytes(header);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DataOutputStream out = new DataOutputStream(os)) {
                out.write(magic);
                out.writeInt(headerBytes.length);
                out.write(headerBytes);
                out.write(body);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads magic, header and body; the body is checked later by {@link Contents#checkBody}, once
     * the header has said how long it must be.
     *
     * @param kind what the file is, for messages ("model", "training state")
     */
    public static Contents read(Path file, byte[] magic, String kind, ObjectMapper json) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no " + kind + " file at " + file);
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(is)) {
            byte[] start = new byte[magic.length];
            int got = in.readNBytes(start, 0, start.length);
            if (got < start.length || !java.util.Arrays.equals(start, magic)) {
                throw new IOException(file + " is not a longlag " + kind + " file (it does not start with the longlag magic line)");
            }
            int headerLength;
            try {
                headerLength = in.readInt();
            } catch (EOFException e) {
                throw new IOException(file + " is truncated: it ends inside the header length", e);
            }
            if (headerLength <= 0 || headerLength > MAX_HEADER) {
                throw new IOException(file + " is corrupted: header length " + headerLength + " is implausible");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length < headerLength) {
                throw new IOException(file + " is truncated: header needs " + headerLength + " bytes, file has " + headerBytes.length);
            }
            JsonNode header;
            try {
                header = json.readTree(headerBytes);
            } catch (IOException e) {
                throw new IOException(file + " has an unreadable header: " + e.getMessage(), e);
            }
            return new Contents(file, header, in.readAllBytes());
        }
    }

    /** Values as big-endian float32 (when {@code single}) or float64. */
    public static byte[] encode(double[] values, boolean single) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * (single ? 4 : 8));
        for (double v : values) {
            if (single) buf.putFloat((float) v);
            else buf.putDouble(v);
        }
        return buf.array();
    }

    public static double[] decode(byte[] body, boolean single, int n) {
        ByteBuffer buf = ByteBuffer.wrap(body);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = single ? buf.getFloat() : buf.getDouble();
        return out;
    }
}
