package org.longlag.tasks.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The stable identity of a run: the first 16 hex digits of the SHA-256 of its resolved
 * configuration written as canonical JSON (keys sorted, no spaces). The same model kind and
 * resolved options, task kind and resolved options (with the lag), training and evaluation
 * settings, gradient-norm settings and seed give the same key in every process and on every
 * machine; labels and the thread count do not enter it.
 */
public final class RunKey {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RunKey() {
    }

    /** Canonical JSON of a resolved configuration. */
    public static String canonicalJson(Map<String, Object> resolved) {
        try {
            return CANONICAL.writeValueAsString(resolved);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public static String of(Map<String, Object> resolved) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalJson(resolved).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
