package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of an ExtendedTriggerMessage request (TriggerMessageStatusEnumType of the security extension). */
public enum ExtendedTriggerMessageStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    NOT_IMPLEMENTED("NotImplemented");

    private final String value;

    ExtendedTriggerMessageStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ExtendedTriggerMessageStatus fromValue(String value) {
        for (ExtendedTriggerMessageStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
