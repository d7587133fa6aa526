package org.longlag.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.longlag.models.Precision;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One model in one file: a magic line, a JSON header (format version, the {@link ModelSpec},
 * parameter count, CRC-32 of the parameter bytes), then the parameters as big-endian float32 or
 * float64, in the {@link ChecksummedFile} container (atomic writes, reads that name what is wrong
 * with a truncated, corrupted or foreign file).
 */
public final class ModelFile {

    static final byte[] MAGIC = "LONGLAG-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;

    private ModelFile() {
    }

    public static void write(Path file, SequenceModel model) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        ModelSpec spec = model.spec();
        double[] values = model.parameters().data().asDouble();
        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT);
        header.set("spec", json.valueToTree(spec));
        header.put("parameterCount", values.length);
        ChecksummedFile.write(file, MAGIC, header, ChecksummedFile.encode(values, spec.precision() == Precision.FLOAT32), json);
    }

    /** Reads a model; {@code extraTypes} are a user's own cell/readout types. */
    public static SequenceModel read(Path file, Class<?>... extraTypes) throws IOException {
        ObjectMapper json = ModelJson.mapper(extraTypes);
        ChecksummedFile.Contents c = ChecksummedFile.read(file, MAGIC, "model", json);
        JsonNode header = c.header();
        ModelSpec spec;
        try {
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
        boolean single = spec.precision() == Precision.FLOAT32;
        c.checkBody(expected * (single ? 4 : 8), "parameter");
        double[] values = ChecksummedFile.decode(c.body(), single, expected);
        return SequenceModel.of(spec, Nd4j.createFromArray(values).reshape(1, expected));
    }
}
