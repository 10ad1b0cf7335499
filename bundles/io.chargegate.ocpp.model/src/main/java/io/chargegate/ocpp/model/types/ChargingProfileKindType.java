package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** How the start of a charging schedule is determined. */
public enum ChargingProfileKindType implements OcppEnum {
    ABSOLUTE("Absolute"),
    RECURRING("Recurring"),
    RELATIVE("Relative");

    private final String value;

    ChargingProfileKindType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ChargingProfileKindType fromValue(String value) {
        for (ChargingProfileKindType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
