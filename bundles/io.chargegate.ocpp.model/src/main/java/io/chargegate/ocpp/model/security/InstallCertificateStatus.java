package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of an InstallCertificate request (InstallCertificateStatusEnumType). */
public enum InstallCertificateStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    REJECTED("Rejected");

    private final String value;

    InstallCertificateStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static InstallCertificateStatus fromValue(String value) {
        for (InstallCertificateStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
