package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The error a StatusNotification reports (NoError when there is none). */
public enum ChargePointErrorCode implements OcppEnum {
    CONNECTOR_LOCK_FAILURE("ConnectorLockFailure"),
    EV_COMMUNICATION_ERROR("EVCommunicationError"),
    GROUND_FAILURE("GroundFailure"),
    HIGH_TEMPERATURE("HighTemperature"),
    INTERNAL_ERROR("InternalError"),
    LOCAL_LIST_CONFLICT("LocalListConflict"),
    NO_ERROR("NoError"),
    OTHER_ERROR("OtherError"),
    OVER_CURRENT_FAILURE("OverCurrentFailure"),
    POWER_METER_FAILURE("PowerMeterFailure"),
    POWER_SWITCH_FAILURE("PowerSwitchFailure"),
    READER_FAILURE("ReaderFailure"),
    RESET_FAILURE("ResetFailure"),
    UNDER_VOLTAGE("UnderVoltage"),
    OVER_VOLTAGE("OverVoltage"),
    WEAK_SIGNAL("WeakSignal");

    private final String value;

    ChargePointErrorCode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ChargePointErrorCode fromValue(String value) {
        for (ChargePointErrorCode constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
