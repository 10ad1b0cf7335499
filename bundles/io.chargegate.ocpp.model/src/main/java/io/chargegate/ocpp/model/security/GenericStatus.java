package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** Accepted or rejected (GenericStatusEnumType). */
public enum GenericStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String value;

    GenericStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static GenericStatus fromValue(String value) {
        for (GenericStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
