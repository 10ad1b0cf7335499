package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a ChangeConfiguration request. */
public enum ConfigurationStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    REBOOT_REQUIRED("RebootRequired"),
    NOT_SUPPORTED("NotSupported");

    private final String value;

    ConfigurationStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ConfigurationStatus fromValue(String value) {
        for (ConfigurationStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
