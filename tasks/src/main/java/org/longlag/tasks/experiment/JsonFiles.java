package org.longlag.tasks.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.longlag.models.io.ModelJson;

/** JSON result files, written to a temporary file and moved into place so a reader never sees half a file. */
public final class JsonFiles {

    private JsonFiles() {
    }

    /** The mapper for results: knows model specs; NaN is written as the string "NaN" (Jackson's default), keeping the file valid JSON. */
    public static ObjectMapper mapper() {
        ObjectMapper m = ModelJson.mapper();
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return m;
    }

    /** Writes {@code value} as JSON to {@code file} atomically (creating parent directories). */
    public static void write(Path file, Object value) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            mapper().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
