package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** How often a recurring charging schedule repeats. */
public enum RecurrencyKindType implements OcppEnum {
    DAILY("Daily"),
    WEEKLY("Weekly");

    private final String value;

    RecurrencyKindType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static RecurrencyKindType fromValue(String value) {
        for (RecurrencyKindType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
