package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a GetInstalledCertificateIds request (GetInstalledCertificateStatusEnumType). */
public enum GetInstalledCertificateStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    NOT_FOUND("NotFound");

    private final String value;

    GetInstalledCertificateStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static GetInstalledCertificateStatus fromValue(String value) {
        for (GetInstalledCertificateStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
