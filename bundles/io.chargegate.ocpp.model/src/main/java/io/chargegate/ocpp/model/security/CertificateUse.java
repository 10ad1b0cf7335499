package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The kind of root certificate (CertificateUseEnumType). */
public enum CertificateUse implements OcppEnum {
    CENTRAL_SYSTEM_ROOT_CERTIFICATE("CentralSystemRootCertificate"),
    MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

    private final String value;

    CertificateUse(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static CertificateUse fromValue(String value) {
        for (CertificateUse constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
