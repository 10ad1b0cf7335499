package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The hash algorithm of certificate hash data (HashAlgorithmEnumType). */
public enum HashAlgorithm implements OcppEnum {
    SHA256("SHA256"),
    SHA384("SHA384"),
    SHA512("SHA512");

    private final String value;

    HashAlgorithm(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static HashAlgorithm fromValue(String value) {
        for (HashAlgorithm constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
