package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a SignedUpdateFirmware request (UpdateFirmwareStatusEnumType). */
public enum UpdateFirmwareStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    ACCEPTED_CANCELED("AcceptedCanceled"),
    INVALID_CERTIFICATE("InvalidCertificate"),
    REVOKED_CERTIFICATE("RevokedCertificate");

    private final String value;

    UpdateFirmwareStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static UpdateFirmwareStatus fromValue(String value) {
        for (UpdateFirmwareStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
