package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** What a charging profile limits: the whole charge point, transactions by default, or one transaction. */
public enum ChargingProfilePurposeType implements OcppEnum {
    CHARGE_POINT_MAX_PROFILE("ChargePointMaxProfile"),
    TX_DEFAULT_PROFILE("TxDefaultProfile"),
    TX_PROFILE("TxProfile");

    private final String value;

    ChargingProfilePurposeType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ChargingProfilePurposeType fromValue(String value) {
        for (ChargingProfilePurposeType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
