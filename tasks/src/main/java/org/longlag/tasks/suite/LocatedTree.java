package org.longlag.tasks.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML or JSON document read into a Jackson tree, remembering the line and column of every key
 * and value by its path ({@code models[1].options.hidden}), so that an error can point into the
 * file. A key given twice in one mapping is an error (YAML parsers otherwise keep the last one).
 */
public final class LocatedTree {

    private final String source;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedTree(String source, JsonNode root, Map<String, JsonLocation> locations) {
        this.source = source;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses {@code text}; YAML unless {@code source} ends in ".json" (YAML 1.2 is a superset of
     * JSON, so JSON text parses either way, but a JSON file gets JSON's stricter error messages).
     *
     * @param source file name used in messages
     */
    public static LocatedTree parse(String source, String text) {
        JsonFactory factory = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new SuiteException(source + ": the file is empty");
            JsonNode root = read(p, "", locations, source);
            if (p.nextToken() != null) throw new SuiteException(where(source, p.currentLocation()) + ": more than one document in the file");
            return new LocatedTree(source, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SuiteException((at == null ? source : where(source, at)) + ": not valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SuiteException(source + ": could not be read: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, JsonLocation> locations, String source) throws IOException {
        JsonToken t = p.currentToken();
        locations.putIfAbsent(path, p.currentTokenLocation());
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (o.has(key)) throw new SuiteException(where(source, p.currentTokenLocation()) + ": key '" + child + "' is given twice");
                    locations.put(child, p.currentTokenLocation());
                    p.nextToken();
                    o.set(key, read(p, child, locations, source));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i + "]", locations, source));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new SuiteException(where(source, p.currentTokenLocation()) + ": unexpected " + t);
        }
    }

    private static String where(String source, JsonLocation at) {
        return source + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    public JsonNode root() {
        return root;
    }

    public String source() {
        return source;
    }

    /** "file:line:col" of the key or value at {@code path}, or of its closest enclosing node. */
    public String at(String path) {
        String p = path;
        while (true) {
            JsonLocation l = locations.get(p);
            if (l != null) return where(source, l);
            if (p.isEmpty()) return source;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
