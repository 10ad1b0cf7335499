package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a DeleteCertificate request (DeleteCertificateStatusEnumType). */
public enum DeleteCertificateStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    NOT_FOUND("NotFound");

    private final String value;

    DeleteCertificateStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static DeleteCertificateStatus fromValue(String value) {
        for (DeleteCertificateStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
