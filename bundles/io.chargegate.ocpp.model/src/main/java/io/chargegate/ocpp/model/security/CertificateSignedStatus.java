package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a CertificateSigned request (CertificateSignedStatusEnumType). */
public enum CertificateSignedStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String value;

    CertificateSignedStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static CertificateSignedStatus fromValue(String value) {
        for (CertificateSignedStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
