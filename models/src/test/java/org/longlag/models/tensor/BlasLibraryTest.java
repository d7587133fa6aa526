package org.longlag.models.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenBLAS a result names is a file that exists, and it is the one the JavaCPP properties asked for. */
class BlasLibraryTest {

    @Test
    void namesTheLoadedOpenBlas() throws java.io.IOException {
        String path = BlasLibrary.path();
        assertTrue(path.contains("openblas"), path);
        assertTrue(Files.isRegularFile(Path.of(path)), path);
        String dir = System.getProperty("java.library.path", "");
        if ("true".equals(System.getProperty("org.bytedeco.javacpp.pathsFirst")) && !dir.isEmpty()) {
            assertTrue(path.startsWith(Path.of(dir).toRealPath().toString() + "/"), "asked for the OpenBLAS in " + dir + ", got " + path);
        } else {
            assertTrue(path.contains("openblas-0.3.19"), "the bundled OpenBLAS, got " + path);
        }
    }
}
