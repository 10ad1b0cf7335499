package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a SendLocalList request. */
public enum UpdateStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    NOT_SUPPORTED("NotSupported"),
    VERSION_MISMATCH("VersionMismatch");

    private final String value;

    UpdateStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static UpdateStatus fromValue(String value) {
        for (UpdateStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
