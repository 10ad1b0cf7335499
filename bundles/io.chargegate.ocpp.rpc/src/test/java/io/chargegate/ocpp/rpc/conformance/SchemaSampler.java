package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Builds a valid instance straight from a schema, with every property present and every array at two
 * elements: the base of the mutation engine's self test, and the fallback base of the negative tests when
 * the codec cannot encode the model's full instance.
 */
final class SchemaSampler {

    private final JsonNode schemaRoot;

    SchemaSampler(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    /** A full, valid instance of the schema. */
    JsonNode sample() {
        return sample(schemaRoot, "");
    }

    private JsonNode sample(JsonNode schema, String name) {
        JsonNode s = SchemaMutator.resolve(schemaRoot, schema);
        String type = s.path("type").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                    o.set(p.getKey(), sample(p.getValue(), p.getKey()));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                int n = Math.max(2, s.path("minItems").asInt(0));
                for (int i = 0; i < n; i++) {
                    a.add(sample(s.path("items"), name));
                }
                yield a;
            }
            case "string" -> TextNode.valueOf(string(s, name));
            case "integer" -> IntNode.valueOf(3);
            case "number" -> DoubleNode.valueOf(12.5);
            case "boolean" -> BooleanNode.TRUE;
            default -> throw new IllegalArgumentException("unsupported schema type '" + type + "' for " + name);
        };
    }

    private static String string(JsonNode s, String name) {
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        String format = s.path("format").asText("");
        if (format.equals("date-time")) {
            return "2024-05-06T07:08:09.123456789Z";
        }
        if (format.equals("uri")) {
            return "https://example.com/ocpp/" + name;
        }
        return s.has("maxLength") ? Strings.exactLength(s.get("maxLength").asInt(), name) : Strings.free(name, 0);
    }
}
