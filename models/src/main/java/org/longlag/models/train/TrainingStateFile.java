package org.longlag.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.longlag.models.io.ChecksummedFile;

/**
 * A {@link TrainingState} in one file, beside the model file it belongs to: a JSON header (format,
 * step, sequences, optimizer state size or -1 for none, the updates that state has seen) and the optimizer state as big-endian
 * float64, in the {@link ChecksummedFile} container (with the model file, {@code SequenceModel#save}).
 */
public final class TrainingStateFile {

    static final byte[] MAGIC = "LONGLAG-TRAINING-STATE\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;

    private TrainingStateFile() {
    }

    /** The state file that goes with a model file: "model.longlag" gives "model.state" in the same directory. */
    public static Path besideModel(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".state");
    }

    public static void write(Path file, TrainingState state) throws IOException {
        ObjectMapper json = new ObjectMapper();
        double[] values = state.optimizerState();
        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT);
        header.put("step", state.step());
        header.put("sequences", state.sequences());
        header.put("optimizerStateSize", values == null ? -1 : values.length);
        header.put("optimizerUpdates", state.optimizerUpdates());
        ChecksummedFile.write(file, MAGIC, header, ChecksummedFile.encode(values == null ? new double[0] : values, false), json);
    }

    public static TrainingState read(Path file) throws IOException {
        ChecksummedFile.Contents c = ChecksummedFile.read(file, MAGIC, "training state", new ObjectMapper());
        JsonNode h = c.header();
        int format = h.path("format").asInt(-1);
        if (format != FORMAT) throw new IOException(file + " has training state format " + format + ", this version reads " + FORMAT);
        long size = h.path("optimizerStateSize").asLong(Long.MIN_VALUE);
        if (size < -1 || size > Integer.MAX_VALUE / 8) throw new IOException(file + " is corrupted: optimizer state size " + size + " is implausible");
        c.checkBody((int) Math.max(size, 0) * 8, "optimizer state");
        try {
            return new TrainingState(h.path("step").asInt(-1), h.path("sequences").asLong(-1),
                    size < 0 ? null : ChecksummedFile.decode(c.body(), false, (int) size), h.path("optimizerUpdates").asInt(-1));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is corrupted: " + e.getMessage(), e);
        }
    }
}
