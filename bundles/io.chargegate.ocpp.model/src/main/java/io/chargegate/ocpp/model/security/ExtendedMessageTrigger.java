package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The message an ExtendedTriggerMessage request asks for (MessageTriggerEnumType of the security extension). */
public enum ExtendedMessageTrigger implements OcppEnum {
    BOOT_NOTIFICATION("BootNotification"),
    LOG_STATUS_NOTIFICATION("LogStatusNotification"),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
    HEARTBEAT("Heartbeat"),
    METER_VALUES("MeterValues"),
    SIGN_CHARGE_POINT_CERTIFICATE("SignChargePointCertificate"),
    STATUS_NOTIFICATION("StatusNotification");

    private final String value;

    ExtendedMessageTrigger(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ExtendedMessageTrigger fromValue(String value) {
        for (ExtendedMessageTrigger constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
