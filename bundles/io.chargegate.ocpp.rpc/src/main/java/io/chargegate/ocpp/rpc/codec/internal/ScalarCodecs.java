package io.chargegate.ocpp.rpc.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.chargegate.ocpp.model.OcppEnum;
import io.chargegate.ocpp.rpc.ErrorCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The codecs of the scalar JSON schema types the OCPP model uses. */
public final class ScalarCodecs {

    private ScalarCodecs() {
    }

    /** {@code "type": "string"} with optional {@code maxLength}, {@code format: uri} and excluded values. */
    public static final class StringCodec extends ValueCodec {
        private final int maxLength;
        private final boolean uri;
        private final Set<String> excluded;

        /** @param maxLength the maximum length in code points, or -1 */
        public StringCodec(int maxLength, boolean uri, Set<String> excluded) {
            this.maxLength = maxLength;
            this.uri = uri;
            this.excluded = Set.copyOf(excluded);
        }

        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw typeMismatch(t);
            }
            String s = p.getText();
            check(s);
            return s;
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            String s = (String) v;
            check(s);
            g.writeString(s);
        }

        private void check(String s) {
            if (maxLength >= 0 && s.length() > maxLength && s.codePointCount(0, s.length()) > maxLength) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, quote(s) + " is longer than "
                        + maxLength + " characters (" + s.codePointCount(0, s.length()) + ")");
            }
            if (uri && !Uris.isUri(s)) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, quote(s) + " is not a valid RFC 3986 URI");
            }
            if (!excluded.isEmpty() && excluded.contains(s)) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, quote(s) + " is not allowed here");
            }
        }

        @Override
        public String jsonType() {
            return "string";
        }
    }

    /** A string enumeration mapped to a Java enum implementing {@link OcppEnum}; excluded values refused. */
    public static final class EnumCodec extends ValueCodec {
        private final Map<String, Enum<?>> byWire;
        private final SerializableString[] wire;
        private final boolean[] excludedByOrdinal;
        private final String allowed;

        public EnumCodec(Class<?> type, Collection<String> excluded) {
            if (!OcppEnum.class.isAssignableFrom(type)) {
                throw new IllegalStateException(type.getName() + " does not implement OcppEnum");
            }
            Object[] constants = type.getEnumConstants();
            Map<String, Enum<?>> map = new HashMap<>();
            wire = new SerializableString[constants.length];
            excludedByOrdinal = new boolean[constants.length];
            List<String> allowedValues = new ArrayList<>();
            for (Object c : constants) {
                Enum<?> e = (Enum<?>) c;
                String value = ((OcppEnum) c).value();
                if (map.put(value, e) != null) {
                    throw new IllegalStateException(type.getName() + " has two constants with wire value " + value);
                }
                wire[e.ordinal()] = new SerializedString(value);
                if (excluded.contains(value)) {
                    excludedByOrdinal[e.ordinal()] = true;
                } else {
                    allowedValues.add(value);
                }
            }
            for (String x : excluded) {
                if (!map.containsKey(x)) {
                    throw new IllegalStateException("excluded value " + x + " is not a value of " + type.getName());
                }
            }
            byWire = Map.copyOf(map);
            allowed = String.join(", ", allowedValues);
        }

        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw typeMismatch(t);
            }
            String s = p.getText();
            Enum<?> e = byWire.get(s);
            if (e == null || excludedByOrdinal[e.ordinal()]) {
                throw notOneOf(s);
            }
            return e;
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            int ordinal = ((Enum<?>) v).ordinal();
            if (excludedByOrdinal[ordinal]) {
                throw notOneOf(((OcppEnum) v).value());
            }
            g.writeString(wire[ordinal]);
        }

        private Violation notOneOf(String s) {
            return new Violation(ErrorCode.PropertyConstraintViolation, quote(s) + " is not one of [" + allowed + "]");
        }

        @Override
        public String jsonType() {
            return "string";
        }
    }

    /** {@code "type": "string", "format": "date-time"} as {@link Instant}. */
    public static final class InstantCodec extends ValueCodec {
        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw typeMismatch(t);
            }
            String s = p.getText();
            Instant i = DateTimes.parse(s);
            if (i == null) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, quote(s) + " is not a valid RFC 3339 date-time");
            }
            return i;
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            String s = DateTimes.format((Instant) v);
            if (s == null) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, v + " is outside the RFC 3339 years 0000-9999");
            }
            g.writeString(s);
        }

        @Override
        public String jsonType() {
            return "string";
        }
    }

    /** {@code "type": "integer"} as a Java {@code int}. */
    public static final class IntCodec extends ValueCodec {
        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    throw new Violation(ErrorCode.PropertyConstraintViolation, p.getText() + " is out of the 32-bit integer range");
                }
                return p.getIntValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT && (flags & INTEGRAL_DECIMAL) != 0) {
                double d = p.getDoubleValue();
                if (d == Math.rint(d) && !Double.isInfinite(d)) {
                    if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                        throw new Violation(ErrorCode.PropertyConstraintViolation, p.getText() + " is out of the 32-bit integer range");
                    }
                    return (int) d;
                }
            }
            throw typeMismatch(t);
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            g.writeNumber(((Integer) v).intValue());
        }

        @Override
        public String jsonType() {
            return "integer";
        }
    }

    /** {@code "type": "number"} as a Java {@code double}, with an optional {@code multipleOf}. */
    public static final class DoubleCodec extends ValueCodec {
        private final BigDecimal multipleOf;

        /** @param multipleOf the divisor, or null */
        public DoubleCodec(BigDecimal multipleOf) {
            this.multipleOf = multipleOf;
        }

        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw typeMismatch(t);
            }
            double d = p.getDoubleValue();
            if (Double.isInfinite(d)) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, p.getText() + " is out of the double range");
            }
            if (multipleOf != null && !isMultiple(new BigDecimal(p.getText()))) {
                throw notMultiple(p.getText());
            }
            return d;
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            double d = (Double) v;
            if (!Double.isFinite(d)) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, d + " is not a finite number");
            }
            if (multipleOf != null && !isMultiple(BigDecimal.valueOf(d))) {
                throw notMultiple(Double.toString(d));
            }
            g.writeNumber(d);
        }

        private boolean isMultiple(BigDecimal value) {
            return value.remainder(multipleOf).signum() == 0;
        }

        private Violation notMultiple(String text) {
            return new Violation(ErrorCode.PropertyConstraintViolation, text + " is not a multiple of " + multipleOf.toPlainString());
        }

        @Override
        public String jsonType() {
            return "number";
        }
    }

    /** {@code "type": "boolean"}. */
    public static final class BooleanCodec extends ValueCodec {
        @Override
        public Object read(JsonParser p, JsonToken t, int flags) throws IOException {
            if (t == JsonToken.VALUE_TRUE) {
                return Boolean.TRUE;
            }
            if (t == JsonToken.VALUE_FALSE) {
                return Boolean.FALSE;
            }
            throw typeMismatch(t);
        }

        @Override
        public void write(JsonGenerator g, Object v) throws IOException {
            g.writeBoolean((Boolean) v);
        }

        @Override
        public String jsonType() {
            return "boolean";
        }
    }
}
