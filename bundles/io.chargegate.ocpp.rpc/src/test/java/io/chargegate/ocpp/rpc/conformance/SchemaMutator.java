package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chargegate.ocpp.rpc.conformance.Mutation.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks one schema (Jackson tree; {@code $ref} to {@code #/definitions/...} resolved) alongside a valid
 * instance and derives every single-point mutation of it: required properties removed at every level,
 * strings one character too long, enumeration values replaced by bad or wrong-case values, wrong JSON
 * types and null, unknown properties, bad date-times and URIs, emptied arrays, numbers off their
 * {@code multipleOf}, enumeration values the same property allows only in other messages; plus
 * schema-valid changes (optional property removed, every other enumeration value, other RFC 3339 date-time
 * forms, empty strings, integer literals for numbers, integral decimals in draft-06 schemas) that a strict
 * codec must still accept.
 */
final class SchemaMutator {

    /** The property added at each object level. */
    static final String UNKNOWN_PROPERTY = "unknownProperty";
    /** Date-times RFC 3339 (and networknt) rejects. */
    static final List<String> BAD_DATE_TIMES = List.of("not-a-date", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z",
            "2024-05-06T07:08:09");
    /** Date-times RFC 3339 (and networknt) accepts besides the UTC, {@code Z}-suffixed form codecs write. */
    static final List<String> VALID_DATE_TIME_VARIANTS = List.of("2024-05-06T07:08:09+02:00", "2024-05-06T07:08:09.5Z",
            "2024-05-06t07:08:09z");
    /** The value used for a value outside an enumeration. */
    static final String BAD_ENUM = "NotAValue";

    private final JsonNode schemaRoot;
    private final boolean draft6;
    private final Map<String, Set<String>> enumValuesByProperty;

    /**
     * @param schemaRoot          the schema
     * @param draft6              whether it is a draft-06 schema (integral decimals are integers there)
     * @param enumValuesByProperty enumeration values of each property name across all schemas: values a
     *                            property allows in another message are tried here too (foreign values)
     */
    SchemaMutator(JsonNode schemaRoot, boolean draft6, Map<String, Set<String>> enumValuesByProperty) {
        this.schemaRoot = schemaRoot;
        this.draft6 = draft6;
        this.enumValuesByProperty = enumValuesByProperty;
    }

    /** Enumeration values by property name across the given schemas ({@code $ref}s resolved). */
    static Map<String, Set<String>> enumValuesByProperty(Iterable<JsonNode> schemas) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode root : schemas) {
            collectEnums(root, root, "", out, 0);
        }
        return out;
    }

    private static void collectEnums(JsonNode root, JsonNode schema, String name, Map<String, Set<String>> out, int depth) {
        JsonNode s = resolve(root, schema);
        if (s.has("enum") && !name.isEmpty()) {
            Set<String> values = out.computeIfAbsent(name, n -> new TreeSet<>());
            s.get("enum").forEach(e -> values.add(e.asText()));
        }
        if (depth > 16) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            collectEnums(root, p.getValue(), p.getKey(), out, depth + 1);
        }
        if (s.path("items").isObject()) {
            collectEnums(root, s.get("items"), name, out, depth + 1);
        }
    }

    /** Every mutation of {@code base}, which must be valid per the schema. */
    List<Mutation> mutations(JsonNode base) {
        List<Mutation> out = new ArrayList<>();
        visit(schemaRoot, JsonPath.ROOT, base, base, out);
        return out;
    }

    /** Resolves a local {@code $ref} (draft-04/06 {@code #/definitions/...}) against the schema root. */
    static JsonNode resolve(JsonNode schemaRoot, JsonNode schema) {
        JsonNode s = schema;
        for (int guard = 0; s.has("$ref"); guard++) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/") || guard > 16) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            s = schemaRoot.at(ref.substring(1));
            if (s.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
        }
        return s;
    }

    private void visit(JsonNode schema, JsonPath path, JsonNode value, JsonNode base, List<Mutation> out) {
        JsonNode s = resolve(schemaRoot, schema);
        String type = s.path("type").asText("");
        if (!path.isRoot()) {
            typeMutations(type, path, base, out);
        }
        switch (type) {
            case "object" -> objectMutations(s, path, value, base, out);
            case "array" -> arrayMutations(s, path, value, base, out);
            case "string" -> stringMutations(s, path, value, base, out);
            case "integer" -> out.add(new Mutation(Kind.INTEGRAL_DECIMAL, path, "1.0",
                    path.replace(base, DoubleNode.valueOf(1.0)), draft6));
            case "number" -> numberMutations(s, path, base, out);
            default -> {
                // boolean: only the type mutations apply
            }
        }
    }

    private void typeMutations(String type, JsonPath path, JsonNode base, List<Mutation> out) {
        List<JsonNode> wrong = switch (type) {
            case "string" -> List.of(IntNode.valueOf(1));
            case "integer" -> List.of(TextNode.valueOf("1"), DoubleNode.valueOf(1.5));
            case "number" -> List.of(TextNode.valueOf("1.5"));
            case "boolean" -> List.of(TextNode.valueOf("true"));
            case "object" -> List.of(TextNode.valueOf("x"), JsonNodeFactory.instance.arrayNode());
            case "array" -> List.of(TextNode.valueOf("x"), JsonNodeFactory.instance.objectNode());
            default -> throw new IllegalArgumentException("schema at " + path + " has unsupported type '" + type + "'");
        };
        for (JsonNode w : wrong) {
            out.add(new Mutation(Kind.WRONG_TYPE, path, w.toString() + " for " + type, path.replace(base, w), false));
        }
        out.add(new Mutation(Kind.NULL_VALUE, path, "", path.replace(base, NullNode.getInstance()), false));
    }

    private void objectMutations(JsonNode s, JsonPath path, JsonNode value, JsonNode base, List<Mutation> out) {
        if (!value.isObject()) {
            throw new IllegalArgumentException("base instance has no object at " + path);
        }
        Set<String> required = new HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        JsonNode properties = s.path("properties");
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!properties.has(name)) {
                throw new IllegalArgumentException("base instance has property " + path.property(name) + " the schema does not define");
            }
            boolean isRequired = required.contains(name);
            out.add(new Mutation(isRequired ? Kind.MISSING_REQUIRED : Kind.MISSING_OPTIONAL, path.property(name), "",
                    path.property(name).remove(base), !isRequired));
        }
        boolean closed = s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean();
        out.add(new Mutation(Kind.UNKNOWN_PROPERTY, path, "\"" + UNKNOWN_PROPERTY + "\"",
                path.put(base, UNKNOWN_PROPERTY, TextNode.valueOf("x")), !closed));
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode v = value.get(p.getKey());
            if (v != null) {
                visit(p.getValue(), path.property(p.getKey()), v, base, out);
            }
        }
    }

    private void arrayMutations(JsonNode s, JsonPath path, JsonNode value, JsonNode base, List<Mutation> out) {
        if (!value.isArray()) {
            throw new IllegalArgumentException("base instance has no array at " + path);
        }
        int minItems = s.path("minItems").asInt(0);
        if (!value.isEmpty()) {
            out.add(new Mutation(Kind.EMPTY_ARRAY, path, minItems > 0 ? "(minItems " + minItems + ")" : "(no minItems)",
                    path.replace(base, JsonNodeFactory.instance.arrayNode()), minItems == 0));
        }
        JsonNode items = s.path("items");
        if (!items.isObject()) {
            throw new IllegalArgumentException("array at " + path + " has no single items schema");
        }
        for (int i = 0; i < value.size(); i++) {
            visit(items, path.index(i), value.get(i), base, out);
        }
    }

    private void stringMutations(JsonNode s, JsonPath path, JsonNode value, JsonNode base, List<Mutation> out) {
        if (s.has("maxLength")) {
            int max = s.get("maxLength").asInt();
            String tooLong = "x".repeat(max) + "é";
            out.add(new Mutation(Kind.TOO_LONG, path, "(" + (max + 1) + " chars, maxLength " + max + ")",
                    path.replace(base, TextNode.valueOf(tooLong)), false));
        }
        if (s.has("enum")) {
            Set<String> allowed = new HashSet<>();
            s.get("enum").forEach(e -> allowed.add(e.asText()));
            out.add(new Mutation(Kind.BAD_ENUM, path, "\"" + BAD_ENUM + "\"", path.replace(base, TextNode.valueOf(BAD_ENUM)), false));
            for (JsonNode e : s.get("enum")) {
                String v = e.asText();
                String wrongCase = v.toLowerCase(Locale.ROOT).equals(v) ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
                if (!wrongCase.equals(v) && !allowed.contains(wrongCase) && v.equals(value.asText())) {
                    out.add(new Mutation(Kind.WRONG_CASE_ENUM, path, "\"" + wrongCase + "\"",
                            path.replace(base, TextNode.valueOf(wrongCase)), false));
                }
                if (!v.equals(value.asText())) {
                    out.add(new Mutation(Kind.OTHER_ENUM_VALUE, path, "\"" + v + "\"", path.replace(base, TextNode.valueOf(v)), true));
                }
            }
            Object last = path.segments().get(path.segments().size() - 1);
            for (String foreign : enumValuesByProperty.getOrDefault(last instanceof String name ? name : "", Set.of())) {
                if (!allowed.contains(foreign)) {
                    out.add(new Mutation(Kind.FOREIGN_ENUM_VALUE, path, "\"" + foreign + "\"",
                            path.replace(base, TextNode.valueOf(foreign)), false));
                }
            }
        }
        String format = s.path("format").asText("");
        if (format.equals("date-time")) {
            for (String bad : BAD_DATE_TIMES) {
                out.add(new Mutation(Kind.BAD_DATE_TIME, path, "\"" + bad + "\"", path.replace(base, TextNode.valueOf(bad)), false));
            }
            for (String good : VALID_DATE_TIME_VARIANTS) {
                out.add(new Mutation(Kind.DATE_TIME_VARIANT, path, "\"" + good + "\"", path.replace(base, TextNode.valueOf(good)), true));
            }
        } else if (format.equals("uri")) {
            out.add(new Mutation(Kind.BAD_URI, path, "\"not a uri\"", path.replace(base, TextNode.valueOf("not a uri")), false));
        } else if (!s.has("enum")) {
            out.add(new Mutation(Kind.EMPTY_STRING, path, "\"\"", path.replace(base, TextNode.valueOf("")), true));
        }
    }

    private void numberMutations(JsonNode s, JsonPath path, JsonNode base, List<Mutation> out) {
        out.add(new Mutation(Kind.INTEGER_LITERAL_FOR_NUMBER, path, "5", path.replace(base, IntNode.valueOf(5)), true));
        if (s.has("multipleOf")) {
            BigDecimal m = s.get("multipleOf").decimalValue();
            BigDecimal off = m.multiply(new BigDecimal("15.5"));
            out.add(new Mutation(Kind.NOT_MULTIPLE_OF, path, off.toPlainString() + " (multipleOf " + m.toPlainString() + ")",
                    path.replace(base, JsonNodeFactory.instance.numberNode(off)), false));
        }
    }
}
