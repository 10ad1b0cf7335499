package io.chargegate.ocpp.rpc.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chargegate.ocpp.rpc.ErrorCode;

import java.io.IOException;

/**
 * Reads one JSON value straight from a parser into its Java form, validating while it reads, and writes
 * one Java value with a generator, validating before it writes. One instance per schema position (a
 * record component, or the elements of a list component); immutable and thread-safe.
 */
public abstract class ValueCodec {

    /** Read flag: a JSON decimal with an integral value is accepted for an integer. */
    public static final int INTEGRAL_DECIMAL = 1;
    /** Read flag: unknown properties are skipped instead of rejected. */
    public static final int IGNORE_UNKNOWN = 2;

    /**
     * Reads the value that starts at the current token {@code t}, leaving the parser on its last token.
     *
     * @throws Violation when the value breaks the schema
     */
    public abstract Object read(JsonParser p, JsonToken t, int flags) throws IOException;

    /**
     * Validates and writes the non-null value {@code v}.
     *
     * @throws Violation when the value breaks the schema
     */
    public abstract void write(JsonGenerator g, Object v) throws IOException;

    /** The JSON schema type name of this position ({@code string}, {@code integer}, ...). */
    public abstract String jsonType();

    /** A type violation for the token {@code t} found instead of this position's type. */
    protected final Violation typeMismatch(JsonToken t) {
        return new Violation(ErrorCode.TypeConstraintViolation, jsonTypeOf(t) + " found, " + jsonType() + " expected");
    }

    /** The JSON schema type name of a value's first token. */
    public static String jsonTypeOf(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "object";
            case START_ARRAY:
                return "array";
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
                return "integer";
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.name();
        }
    }

    /** JSON string literal of {@code s} for descriptions (quotes and backslashes escaped, long text cut). */
    public static String quote(String s) {
        String v = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
