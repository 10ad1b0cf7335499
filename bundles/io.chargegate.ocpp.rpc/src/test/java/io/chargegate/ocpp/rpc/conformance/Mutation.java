package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargegate.ocpp.rpc.ErrorCode;

/**
 * One schema-derived change to a valid payload instance.
 *
 * @param kind        what was changed
 * @param path        where
 * @param detail      the value used, for the test name
 * @param instance    the changed instance
 * @param schemaValid whether the schema allows the change (what the oracle must say; checked by the self test)
 */
record Mutation(Kind kind, JsonPath path, String detail, JsonNode instance, boolean schemaValid) {

    /**
     * The kinds of change, with the CALLERROR code a strict codec must answer when it rejects one. Schema-valid
     * kinds marked {@code exact} keep every value in its canonical form, so decoding and re-encoding must
     * give back the very same JSON.
     */
    enum Kind {
        MISSING_REQUIRED("required property removed", ErrorCode.OccurenceConstraintViolation),
        MISSING_OPTIONAL("optional property removed", null, true),
        EMPTY_ARRAY("array emptied", ErrorCode.OccurenceConstraintViolation, true),
        TOO_LONG("string one character too long", ErrorCode.PropertyConstraintViolation),
        BAD_ENUM("value not in enumeration", ErrorCode.PropertyConstraintViolation),
        WRONG_CASE_ENUM("enumeration value in wrong case", ErrorCode.PropertyConstraintViolation),
        FOREIGN_ENUM_VALUE("enumeration value of the same property in another message", ErrorCode.PropertyConstraintViolation),
        OTHER_ENUM_VALUE("other enumeration value", null, true),
        BAD_DATE_TIME("invalid date-time", ErrorCode.PropertyConstraintViolation),
        DATE_TIME_VARIANT("other valid RFC 3339 date-time form", null),
        EMPTY_STRING("empty string", null, true),
        INTEGER_LITERAL_FOR_NUMBER("integer literal where number expected", null),
        BAD_URI("invalid uri", ErrorCode.PropertyConstraintViolation),
        NOT_MULTIPLE_OF("number not a multiple of multipleOf", ErrorCode.PropertyConstraintViolation),
        WRONG_TYPE("wrong JSON type", ErrorCode.TypeConstraintViolation),
        NULL_VALUE("null", ErrorCode.TypeConstraintViolation),
        INTEGRAL_DECIMAL("integral decimal where integer expected", ErrorCode.TypeConstraintViolation),
        UNKNOWN_PROPERTY("unknown property added", ErrorCode.FormationViolation);

        private final String label;
        private final ErrorCode expected;
        private final boolean exact;

        Kind(String label, ErrorCode expected) {
            this(label, expected, false);
        }

        Kind(String label, ErrorCode expected, boolean exact) {
            this.label = label;
            this.expected = expected;
            this.exact = exact;
        }

        /** Whether an accepted instance of this kind must re-encode to exactly the same JSON. */
        boolean exact() {
            return exact;
        }

        /** Human-readable name. */
        String label() {
            return label;
        }

        /** The code a codec must use when it rejects this kind of change (null: kind is schema-valid). */
        ErrorCode expected() {
            return expected;
        }
    }

    /** A readable test name part, for example {@code idTag: string one character too long (21 chars)}. */
    String describe() {
        return path + ": " + kind.label() + (detail.isEmpty() ? "" : " " + detail);
    }
}
