package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The kind of reboot a Reset request asks for. */
public enum ResetType implements OcppEnum {
    HARD("Hard"),
    SOFT("Soft");

    private final String value;

    ResetType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ResetType fromValue(String value) {
        for (ResetType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
