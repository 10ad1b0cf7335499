package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The unit of charging schedule limits: amperes or watts. */
public enum ChargingRateUnitType implements OcppEnum {
    A("A"),
    W("W");

    private final String value;

    ChargingRateUnitType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ChargingRateUnitType fromValue(String value) {
        for (ChargingRateUnitType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
