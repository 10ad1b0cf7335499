package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Whether a SendLocalList request replaces the list or changes it. */
public enum UpdateType implements OcppEnum {
    DIFFERENTIAL("Differential"),
    FULL("Full");

    private final String value;

    UpdateType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static UpdateType fromValue(String value) {
        for (UpdateType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
