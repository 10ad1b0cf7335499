package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a ClearChargingProfile request. */
public enum ClearChargingProfileStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    UNKNOWN("Unknown");

    private final String value;

    ClearChargingProfileStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ClearChargingProfileStatus fromValue(String value) {
        for (ClearChargingProfileStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
