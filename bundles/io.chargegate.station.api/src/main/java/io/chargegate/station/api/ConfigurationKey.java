package io.chargegate.station.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * The definition of one OCPP configuration key (as in GetConfiguration / ChangeConfiguration).
 *
 * @param name         the key, spelled as the specification spells it (for example {@code HeartbeatInterval})
 * @param readonly     true when ChangeConfiguration must answer {@code Rejected}
 * @param defaultValue the value until the CSMS or the operator changes it (may be null: no value)
 * @param validator    returns null when a candidate value is valid, else the reason it is not
 * @param rebootRequired true when a change takes effect only after a reboot ({@code RebootRequired})
 */
public record ConfigurationKey(String name, boolean readonly, String defaultValue, Function<String, String> validator,
                               boolean rebootRequired) {
    public ConfigurationKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException("configuration key must be 1..50 characters: " + name);
        }
        validator = validator == null ? v -> null : validator;
    }

    /** A read-write key. */
    public static ConfigurationKey readWrite(String name, String defaultValue, Function<String, String> validator) {
        return new ConfigurationKey(name, false, defaultValue, validator, false);
    }

    /** A read-only key. */
    public static ConfigurationKey readOnly(String name, String value) {
        return new ConfigurationKey(name, true, value, null, false);
    }

    /** Validator for a non-negative integer. */
    public static Function<String, String> nonNegativeInteger() {
        return v -> {
            try {
                return Integer.parseInt(v.trim()) >= 0 ? null : "must be >= 0";
            } catch (NumberFormatException e) {
                return "not an integer";
            }
        };
    }

    /** Validator for "true" / "false" (case-insensitive). */
    public static Function<String, String> bool() {
        return v -> "true".equalsIgnoreCase(v.trim()) || "false".equalsIgnoreCase(v.trim()) ? null : "must be true or false";
    }
}
