package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a ClearCache request. */
public enum ClearCacheStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String value;

    ClearCacheStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ClearCacheStatus fromValue(String value) {
        for (ClearCacheStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
