package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Where a value was measured. */
public enum Location implements OcppEnum {
    CABLE("Cable"),
    EV("EV"),
    INLET("Inlet"),
    OUTLET("Outlet"),
    BODY("Body");

    private final String value;

    Location(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static Location fromValue(String value) {
        for (Location constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
