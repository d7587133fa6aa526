package org.longlag.models.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.longlag.models.tensor.Precision;
import org.longlag.models.io.ChecksummedFile;
import org.longlag.models.io.ModelJson;
import org.longlag.models.io.SerializedTypeCatalog;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One model in one file: a magic line, a JSON header (format version, the {@link ModelSpec},
 * parameter count, CRC-32 of the parameter bytes), then the parameters as big-endian float32 or
 * float64, in the {@link ChecksummedFile} container (atomic writes, reads that name what is wrong
 * with a truncated, corrupted or foreign file).
 */
final class ModelFile {

    static final byte[] MAGIC = "LONGLAG-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;

    private ModelFile() {
    }

    static void write(Path file, SequenceModel model) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        ModelSpec spec = model.spec();
        double[] values = model.parameters().data().asDouble();
        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT);
        header.set("spec", json.valueToTree(spec));
        header.put("parameterCount", values.length);
        ChecksummedFile.write(file, MAGIC, header, ChecksummedFile.encode(values, spec.precision() == Precision.FLOAT32), json);
    }

    /** Reads a model; its types (cell, readout, initial state) are those registered on the class path ({@link ModelJson}). */
    static SequenceModel read(Path file) throws IOException {
        ObjectMapper json = ModelJson.mapper();
        ChecksummedFile.Contents c = ChecksummedFile.read(file, MAGIC, "model", json);
        JsonNode header = c.header();
        ModelSpec spec;
        try {
            int format = header.path("format").asInt(-1);
            if (format != FORMAT) throw new IOException(file + " has model file format " + format + ", this version reads " + FORMAT);
            spec = json.treeToValue(header.get("spec"), ModelSpec.class);
        } catch (InvalidTypeIdException e) {
            Class<?> family = e.getBaseType() == null ? Object.class : e.getBaseType().getRawClass();
            throw new IOException(file + " holds a " + family.getSimpleName() + " of type '" + e.getTypeId() + "', which nothing on the class path"
                    + " registers (is the jar of its model kind missing? a kind registers its types by serializedTypes()); known: "
                    + SerializedTypeCatalog.discover().names(family), e);
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
