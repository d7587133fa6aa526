package org.longlag.models.tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Which OpenBLAS this process's float32 products (and ND4J) run on. JavaCPP picks it when it first
 * loads OpenBLAS, from system properties: by default the LAPACK-free build ND4J bundles; with
 * {@code -Dorg.bytedeco.openblas.load=openblas -Djava.library.path=DIR -Dorg.bytedeco.javacpp.pathsFirst=true}
 * the {@code libopenblas.so.0} in DIR (what {@code scripts/blas-options} sets for the longlag
 * command). Products differ in their last bits between builds, so a result names it.
 */
public final class BlasLibrary {

    private BlasLibrary() {
    }

    /** The loaded OpenBLAS file with links resolved (its name carries the version), or "unknown". */
    public static String path() {
        Loader.load(openblas.class);
        String name = System.getProperty("org.bytedeco.openblas.load", "openblas_nolapack");
        for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
            if (e.getKey().equals(name) || e.getKey().startsWith(name + "@")) return resolved(e.getValue());
        }
        return "unknown";
    }

    private static String resolved(String file) {
        try {
            return Path.of(file).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return file;
        }
    }
}
