package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A location in a JSON instance: property names and array indexes from the root. Immutable; edits return
 * a changed deep copy of the instance and leave the original untouched.
 */
record JsonPath(List<Object> segments) {

    /** The root. */
    static final JsonPath ROOT = new JsonPath(List.of());

    JsonPath {
        segments = List.copyOf(segments);
    }

    /** This path extended by a property name. */
    JsonPath property(String name) {
        List<Object> s = new ArrayList<>(segments);
        s.add(name);
        return new JsonPath(s);
    }

    /** This path extended by an array index. */
    JsonPath index(int index) {
        List<Object> s = new ArrayList<>(segments);
        s.add(index);
        return new JsonPath(s);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** A copy of {@code instance} with the value at this path replaced. */
    JsonNode replace(JsonNode instance, JsonNode value) {
        JsonNode copy = instance.deepCopy();
        JsonNode parent = parentIn(copy);
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** A copy of {@code instance} with the property at this path removed. */
    JsonNode remove(JsonNode instance) {
        JsonNode copy = instance.deepCopy();
        ((ObjectNode) parentIn(copy)).remove((String) segments.get(segments.size() - 1));
        return copy;
    }

    /** A copy of {@code instance} with a property added to the object at this path. */
    JsonNode put(JsonNode instance, String name, JsonNode value) {
        JsonNode copy = instance.deepCopy();
        ((ObjectNode) in(copy, segments.size())).set(name, value);
        return copy;
    }

    private JsonNode parentIn(JsonNode root) {
        return in(root, segments.size() - 1);
    }

    private JsonNode in(JsonNode root, int depth) {
        JsonNode node = root;
        for (int k = 0; k < depth; k++) {
            Object s = segments.get(k);
            node = s instanceof Integer i ? node.get(i) : node.get((String) s);
        }
        return node;
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(root)";
        }
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
