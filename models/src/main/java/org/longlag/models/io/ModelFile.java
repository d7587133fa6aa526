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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.longlag.models.Precision;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One model in one file: a magic line, a JSON header (format version, the {@link ModelSpec},
 * parameter count, CRC-32 of the parameter bytes), then the parameters as big-endian float32 or
 * float64. Written to a temporary file and moved into place, so a crash never leaves a half
 * file under the real name; read with checks that name what is wrong with a truncated, corrupted
 * or foreign file.
 */
public final class ModelFile {

    static final byte[] MAGIC = "LONGLAG-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int MAX_HEADER = 16 << 20;

    private ModelFile() {
    }

    public static void write(Path file, SequenceModel model) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        ModelSpec spec = model.spec();
        double[] values = model.parameters().data().asDouble();
        byte[] body = encode(values, spec.precision());
        CRC32 crc = new CRC32();
        crc.update(body);
        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT);
        header.set("spec", json.valueToTree(spec));
        header.put("parameterCount", values.length);
        header.put("crc32", crc.getValue());
        byte[] headerBytes = json.writeValueAsBytes(header);

        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DataOutputStream out = new DataOutputStream(os)) {
                out.write(MAGIC);
                out.writeInt(headerBytes.length);
                out.write(headerBytes);
                out.write(body);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a model; {@code extraTypes} are a user's own cell/readout types. */
    public static SequenceModel read(Path file, Class<?>... extraTypes) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no model file at " + file);
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(is)) {
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a longlag model file (it does not start with the longlag magic line)");
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
            ObjectMapper json = ModelJson.mapper(extraTypes);
            JsonNode header;
            ModelSpec spec;
            try {
                header = json.readTree(headerBytes);
                int format = header.path("format").asInt(-1);
                if (format != FORMAT) throw new IOException(file + " has model file format " + format + ", this version reads " + FORMAT);
                spec = json.treeToValue(header.get("spec"), ModelSpec.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(file + " has an unreadable header: " + e.getMessage(), e);
            }
            long count = header.path("parameterCount").asLong(-1);
            int expected = spec.layout().size();
            if (count != expected) {
                throw new IOException(file + " is corrupted: header says " + count + " parameters, its spec needs " + expected);
            }
            int width = spec.precision() == Precision.FLOAT32 ? 4 : 8;
            byte[] body = in.readNBytes(expected * width);
            if (body.length < expected * width) {
                throw new IOException(file + " is truncated: " + expected * width + " parameter bytes expected, " + body.length + " present");
            }
            if (in.read() != -1) throw new IOException(file + " is corrupted: unexpected bytes after the parameters");
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != header.path("crc32").asLong(-1)) {
                throw new IOException(file + " is corrupted: parameter checksum does not match");
            }
            double[] values = decode(body, spec.precision(), expected);
            return SequenceModel.of(spec, Nd4j.createFromArray(values).reshape(1, expected));
        }
    }

    private static byte[] encode(double[] values, Precision p) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(values.length * (p == Precision.FLOAT32 ? 4 : 8));
        for (double v : values) {
            if (p == Precision.FLOAT32) buf.putFloat((float) v);
            else buf.putDouble(v);
        }
        return buf.array();
    }

    private static double[] decode(byte[] body, Precision p, int n) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(body);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = p == Precision.FLOAT32 ? buf.getFloat() : buf.getDouble();
        return out;
    }
}
