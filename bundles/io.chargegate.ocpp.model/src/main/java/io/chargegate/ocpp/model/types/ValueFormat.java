package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Whether a sampled value is a plain number or signed data. */
public enum ValueFormat implements OcppEnum {
    RAW("Raw"),
    SIGNED_DATA("SignedData");

    private final String value;

    ValueFormat(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ValueFormat fromValue(String value) {
        for (ValueFormat constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
